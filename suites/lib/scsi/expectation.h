// Named expected outcomes (libiscsi's EXPECT_LBA_OOB idea, STYLE.md §3): a status, a sense key and
// the ASC/ASCQ pairs the standard allows, under a name a test reads naturally. `check` explains a
// mismatch by decoding what came back, and reports the completion's own inconsistencies too, so a
// right answer delivered in a malformed way still fails.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "scsi/completion.h"

namespace dextqual::scsi {

struct AscPair {
  uint8_t asc = 0;
  int ascq = -1;  // -1: any ASCQ
};

// One acceptable answer: a status, and for CHECK CONDITION the sense key and allowed pairs.
struct Outcome {
  uint8_t status = status::kGood;
  std::optional<uint8_t> key;
  std::vector<AscPair> pairs;  // empty: any
};

struct Expectation {
  std::string name;  // "LOGICAL BLOCK ADDRESS OUT OF RANGE (5h/21h/00h)"
  std::vector<Outcome> alternatives;
};

// nullopt when the completion matches and is self-consistent; otherwise expected vs got, decoded,
// with the command that reproduces it.
[[nodiscard]] std::optional<std::string> check(const Completion& completion, const Expectation& expected);
[[nodiscard]] bool matches(const Completion& completion, const Expectation& expected);

namespace expect {
[[nodiscard]] Expectation good();
[[nodiscard]] Expectation check_condition(uint8_t key, std::initializer_list<AscPair> pairs,
                                          std::string name);
[[nodiscard]] Expectation lba_out_of_range();                 // 5h/21h/00h (SBC-3 4.5)
[[nodiscard]] Expectation invalid_field_in_cdb();             // 5h/24h/00h (SPC-4 4.5.6)
[[nodiscard]] Expectation invalid_command_operation_code();   // 5h/20h/00h
[[nodiscard]] Expectation logical_unit_not_supported();       // 5h/25h/00h (SPC-4 5.8.4)
[[nodiscard]] Expectation saving_parameters_not_supported();  // 5h/39h/00h
[[nodiscard]] Expectation medium_not_present();               // 2h/3Ah/xx
[[nodiscard]] Expectation write_protected();                  // 7h/27h/xx
[[nodiscard]] Expectation unit_attention(uint8_t asc, uint8_t ascq);
[[nodiscard]] Expectation any_unit_attention();
[[nodiscard]] Expectation any_of(std::initializer_list<Expectation> expectations);
}  // namespace expect

// A CHECK CONDITION with 5h/20h/00h: the device does not implement the opcode. Tests of optional
// commands skip on it; tests of mandatory ones fail (SCSI-CHECKLIST.md (c)7).
[[nodiscard]] bool is_unsupported_opcode(const Completion& completion);

}  // namespace dextqual::scsi
