#include "scsi/expectation.h"

#include <cstdio>

namespace dextqual::scsi {
namespace {

bool outcome_matches(const Completion& completion, const Outcome& outcome) {
  if (!completion.delivered() || completion.status() != outcome.status) {
    return false;
  }
  if (!outcome.key) {
    return true;
  }
  auto sense = completion.sense();
  if (!sense || sense->key != *outcome.key) {
    return false;
  }
  if (outcome.pairs.empty()) {
    return true;
  }
  for (const AscPair& pair : outcome.pairs) {
    if (pair.asc == sense->asc && (pair.ascq < 0 || pair.ascq == sense->ascq)) {
      return true;
    }
  }
  return false;
}

std::string pair_name(uint8_t key, AscPair pair) {
  char text[32];
  if (pair.ascq < 0) {
    std::snprintf(text, sizeof text, "%Xh/%02Xh/xx", key, pair.asc);
  } else {
    std::snprintf(text, sizeof text, "%Xh/%02Xh/%02Xh", key, pair.asc, pair.ascq);
  }
  return text;
}

}  // namespace

bool matches(const Completion& completion, const Expectation& expected) {
  for (const Outcome& outcome : expected.alternatives) {
    if (outcome_matches(completion, outcome)) {
      return true;
    }
  }
  return false;
}

std::optional<std::string> check(const Completion& completion, const Expectation& expected) {
  std::string problem;
  if (!matches(completion, expected)) {
    problem = "expected " + expected.name + ", got ";
    if (completion.reply.delivery == Delivery::timed_out) {
      problem += "no completion: TIMED OUT after " +
                 std::to_string(completion.reply.duration.count() / 1000000) + " ms (" +
                 completion.reply.transport_status + ")";
    } else if (!completion.delivered()) {
      problem += "a transport failure (" + completion.reply.transport_status + ")";
    } else if (auto sense = completion.sense(); sense) {
      problem += status_name(completion.status()) + " " + describe(*sense);
    } else {
      problem += status_name(completion.status());
    }
    problem += "\n";
  }
  for (const std::string& inconsistency : completion.inconsistencies()) {
    problem += "inconsistent completion: " + inconsistency + "\n";
  }
  if (problem.empty()) {
    return std::nullopt;
  }
  return problem + completion.describe();
}

bool is_unsupported_opcode(const Completion& completion) {
  return matches(completion, expect::invalid_command_operation_code());
}

namespace expect {

Expectation good() { return {"GOOD", {Outcome{}}}; }

Expectation check_condition(uint8_t key, std::initializer_list<AscPair> pairs, std::string name) {
  Outcome outcome{status::kCheckCondition, key, pairs};
  std::string codes;
  for (const AscPair& pair : pairs) {
    codes += (codes.empty() ? "" : " or ") + pair_name(key, pair);
  }
  return {"CHECK CONDITION " + std::move(name) + " (" + codes + ")", {outcome}};
}

Expectation lba_out_of_range() {
  return check_condition(sense_key::kIllegalRequest, {{0x21, 0x00}}, "LOGICAL BLOCK ADDRESS OUT OF RANGE");
}
Expectation invalid_field_in_cdb() {
  return check_condition(sense_key::kIllegalRequest, {{0x24, 0x00}}, "INVALID FIELD IN CDB");
}
Expectation invalid_command_operation_code() {
  return check_condition(sense_key::kIllegalRequest, {{0x20, 0x00}}, "INVALID COMMAND OPERATION CODE");
}
Expectation logical_unit_not_supported() {
  return check_condition(sense_key::kIllegalRequest, {{0x25, 0x00}}, "LOGICAL UNIT NOT SUPPORTED");
}
Expectation saving_parameters_not_supported() {
  return check_condition(sense_key::kIllegalRequest, {{0x39, 0x00}}, "SAVING PARAMETERS NOT SUPPORTED");
}
Expectation medium_not_present() {
  return check_condition(sense_key::kNotReady, {{0x3A, -1}}, "MEDIUM NOT PRESENT");
}
Expectation write_protected() {
  return check_condition(sense_key::kDataProtect, {{0x27, -1}}, "WRITE PROTECTED");
}
Expectation unit_attention(uint8_t asc, uint8_t ascq) {
  return check_condition(sense_key::kUnitAttention, {{asc, ascq}}, "UNIT ATTENTION " + asc_text(asc, ascq));
}
Expectation any_unit_attention() {
  Outcome outcome{status::kCheckCondition, sense_key::kUnitAttention, {}};
  return {"CHECK CONDITION UNIT ATTENTION (6h/xx/xx)", {outcome}};
}
Expectation any_of(std::initializer_list<Expectation> expectations) {
  Expectation combined;
  for (const Expectation& expectation : expectations) {
    combined.name += (combined.name.empty() ? "" : " or ") + expectation.name;
    combined.alternatives.insert(combined.alternatives.end(), expectation.alternatives.begin(),
                                 expectation.alternatives.end());
  }
  return combined;
}

}  // namespace expect
}  // namespace dextqual::scsi
