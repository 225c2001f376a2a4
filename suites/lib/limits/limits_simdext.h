// Reads simdext's published HBA constraints and DMA specification from its simdext.json (carried in
// dut.json as extra["simdext"]). simdext mirrors the IORegistry keys one to one, and, unlike a real
// DEXT, also reveals maxTransferSize: what makes the F2 prediction possible without a probe.
#pragma once

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "limits/limits_model.h"

namespace dextqual::limits {

struct SimdextLimits {
  PublishedLimits published;
  DmaSpecification dma;
};

// `simdext` is the simdext.json object; a missing `constraints` object is an Error, a missing key is
// an absent limit, a key of the wrong type is an Error naming it.
[[nodiscard]] Result<SimdextLimits> limits_from_simdext(const nlohmann::json& simdext);

}  // namespace dextqual::limits
