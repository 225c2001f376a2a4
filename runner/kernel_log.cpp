#include "runner/kernel_log.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>

#include "contract/run_contract.h"

namespace dextqual::runner {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// Whole-word match: "sda" must not match "sdaa" or "sda1"'s partition messages are the DUT's too.
bool names_word(const std::string& line, const std::string& word) {
  for (auto at = line.find(word); at != std::string::npos; at = line.find(word, at + 1)) {
    const bool start_ok = at == 0 || !std::isalnum(static_cast<unsigned char>(line[at - 1]));
    const auto end = at + word.size();
    const bool end_ok = end >= line.size() || !std::isalpha(static_cast<unsigned char>(line[end]));
    if (start_ok && end_ok) return true;
  }
  return false;
}

}  // namespace

KernelNames kernel_names_of(const std::string& raw_node) {
  KernelNames names;
  const std::string device = std::filesystem::path(raw_node).filename().string();
  if (device.empty()) return names;
  names.words.push_back(device);
  std::error_code ec;
  // /sys/block/sda/device -> .../2:0:0:0: the SCSI address sd and the midlayer print.
  const auto target = std::filesystem::canonical("/sys/block/" + device + "/device", ec);
  if (!ec) {
    const std::string address = target.filename().string();
    if (std::count(address.begin(), address.end(), ':') == 3) {
      names.words.push_back("[" + address + "]");
      names.words.push_back("sd " + address);
      names.words.push_back("scsi " + address);
    }
  }
  return names;
}

std::vector<std::string> dut_io_events(std::string_view records, const KernelNames& names) {
  static constexpr std::array kEvents = {std::string_view("i/o error"),
                                         std::string_view("medium error"),
                                         std::string_view("timing out"),
                                         std::string_view("timed out"),
                                         std::string_view("timeout"),
                                         std::string_view("abort"),
                                         std::string_view("reset"),
                                         std::string_view("offline"),
                                         std::string_view("sense key"),
                                         std::string_view("failed result"),
                                         std::string_view("retry"),
                                         std::string_view("hostbyte="),
                                         std::string_view("blk_update_request"),
                                         std::string_view("critical target error")};
  std::vector<std::string> events;
  for (std::size_t at = 0; at < records.size();) {
    const auto end = std::min(records.find('\n', at), records.size());
    std::string_view line = records.substr(at, end - at);
    at = end + 1;
    if (line.starts_with(' ')) continue;  // a kmsg continuation ("SUBSYSTEM=...")
    // kmsg: "prio,seq,usec,flags;text"
    if (const auto semicolon = line.find(';');
        semicolon != std::string_view::npos &&
        line.substr(0, semicolon).find(',') != std::string_view::npos) {
      line = line.substr(semicolon + 1);
    }
    const std::string text = lower(line);
    const bool about_dut = std::any_of(names.words.begin(), names.words.end(), [&](const std::string& word) {
      return names_word(text, lower(word));
    });
    if (!about_dut) continue;
    if (std::any_of(kEvents.begin(), kEvents.end(),
                    [&](std::string_view e) { return text.find(e) != std::string::npos; })) {
      events.emplace_back(line);
    }
  }
  return events;
}

void add_kernel_events(reports::TestResult& result, const std::vector<std::string>& events,
                       const std::string& dut_name) {
  if (events.empty()) return;
  result.properties["kernel.io_events"] = std::to_string(events.size());
  std::string lines;
  for (std::size_t i = 0; i < events.size() && i < 10; ++i) lines += "  " + events[i] + "\n";
  if (events.size() > 10) lines += "  ... and " + std::to_string(events.size() - 10) + " more\n";
  const std::string summary = "kernel: " + std::to_string(events.size()) +
                              " I/O error, retry, abort, reset or timeout line" +
                              (events.size() == 1 ? "" : "s") + " for " + dut_name +
                              " during this test, although the host recovered: " + events.front();
  const auto expected = result.properties.find(contract::kKernelErrorsExpectedProperty);
  if (expected == result.properties.end() &&
      (result.verdict == reports::Verdict::pass || result.verdict == reports::Verdict::warn)) {
    int n = 1;
    while (result.properties.contains("warning." + std::to_string(n))) ++n;
    result.properties["warning." + std::to_string(n)] = summary;
    result.verdict = reports::Verdict::pass;  // apply_warnings() names every warning
  }
  result.detail += (result.detail.empty() ? "" : "\n\n") + std::string("What the kernel logged for ") +
                   dut_name + " during this test:\n" + lines;
}

}  // namespace dextqual::runner
