// SKIP_UNLESS(requirement::data_loss_allowed()): skips the test with the requirement's reason
// (STYLE.md §4). Takes the whole call, so requirements with arguments work
// (SKIP_UNLESS(requirement::capacity_at_least(n))); testing/dut_environment.h's REQUIRE_DUT appends
// its own "()" and cannot take arguments yet.
#pragma once

#include <gtest/gtest.h>

#include "lifecycle_device.h"
#include "testing/dut_environment.h"

#define SKIP_UNLESS(requirement_call)                                                              \
  do {                                                                                             \
    namespace requirement = ::dextqual::testing::requirement;                                      \
    if (auto lifecycle_skip =                                                                      \
            ::dextqual::testing::detail::check_requirement(#requirement_call, (requirement_call)); \
        lifecycle_skip) {                                                                          \
      GTEST_SKIP() << *lifecycle_skip;                                                             \
    }                                                                                              \
  } while (false)

// REQUIRE_DEVICE_EVENT(*lifecycle, DeviceEvent::power_cut): skips, as "requires power_cut_supported:
// power-cut on this DUT: <why>", when the DUT's lifecycle cannot bring the event about.
#define REQUIRE_DEVICE_EVENT(lifecycle, event)                                                          \
  do {                                                                                                  \
    const auto dq_event = (event);                                                                      \
    auto dq_unsupported = (lifecycle).why_unsupported(dq_event);                                        \
    if (dq_unsupported)                                                                                 \
      *dq_unsupported = ::dextqual::platform::to_string(dq_event) + " on this DUT: " + *dq_unsupported; \
    if (auto dq_skip = ::dextqual::testing::detail::check_requirement(                                  \
            ::dextqual::platform::requirement_name(dq_event), std::move(dq_unsupported));               \
        dq_skip) {                                                                                      \
      GTEST_SKIP() << *dq_skip;                                                                         \
    }                                                                                                   \
  } while (false)
