// The DEXT under test, checked before a run starts (issue 12 §2; README "Station file", [dext]): the
// station's `[dext] bundle_id` (or `--dext`) must be listed [activated enabled] by `systemextensionsctl
// list`, else the run is a configuration error (exit 2) that says the state seen and what to do, before
// anything is written. Its version, state and team id become the run properties dext.* of every report.
// The decision is suites/lib/macos/dext_state.h; this file is the seam that obtains the listing.
#pragma once

#include <functional>
#include <string>

#include "core/result.h"
#include "runner/exit_status.h"
#include "runner/host_properties.h"

namespace dextqual::runner {

// What `systemextensionsctl list` printed on stdout, or why it could not be had.
using SystemExtensionsLister = std::function<Result<std::string>()>;

// Test seam: when this variable names a file, its content is taken as the output of
// `systemextensionsctl list` instead of running it, on any OS (runner tests replay the captures of
// fixtures/macos/systemextensionsctl/). Never set it on a real station.
inline constexpr const char* kSystemExtensionsReplayVariable = "DEXTQUAL_TEST_SYSTEMEXTENSIONSCTL_OUTPUT";

// The replay when kSystemExtensionsReplayVariable is set, else the platform's lister.
[[nodiscard]] SystemExtensionsLister system_extensions_lister();

// platform/<os>/system_extensions_lister.cpp. macOS: `/usr/bin/systemextensionsctl list` through the
// one process wrapper. Linux: there are no DEXTs, so an error that says the check is macOS-only.
[[nodiscard]] SystemExtensionsLister platform_system_extensions_lister();

// Nothing to check (no properties) when `bundle_id` is empty. Otherwise the dext.* properties when the
// DEXT is [activated enabled]; a usage error (exit 2) when it is not, or when the list cannot be had.
[[nodiscard]] CommandResult<PropertyMap> check_dext_under_test(const std::string& bundle_id,
                                                               const SystemExtensionsLister& lister);

}  // namespace dextqual::runner
