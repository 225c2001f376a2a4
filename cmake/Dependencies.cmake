# Every library is found as an installed package (Debian's -dev packages; Homebrew on macOS).
# ci/install-deps.sh installs them; nothing is vendored or downloaded at configure time.
find_package(PkgConfig REQUIRED)
find_package(GTest 1.12 REQUIRED CONFIG)
find_package(Boost 1.81 REQUIRED CONFIG)            # Boost.Process v2 and Asio, header-only
find_package(pugixml REQUIRED CONFIG)
find_package(CLI11 REQUIRED CONFIG)
find_package(nlohmann_json 3.10 REQUIRED CONFIG)
find_package(tomlplusplus 3 REQUIRED CONFIG)
find_package(Threads REQUIRED)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium>=1.0.18)
# RE2: patterns over test output (failure messages of any length) in linear time, no recursion per
# character as std::regex's engines have.
pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)
if(DEXTQUAL_BENCHMARKS)
  find_package(benchmark REQUIRED CONFIG)
endif()
if(CMAKE_SYSTEM_NAME STREQUAL "Linux")
  pkg_check_modules(FUSE3 REQUIRED IMPORTED_TARGET fuse3>=3.10)
endif()

# The platform folder every platform-specific source lives under (ARCHITECTURE.md: Platforms).
if(APPLE)
  set(DEXTQUAL_PLATFORM macos)
else()
  set(DEXTQUAL_PLATFORM linux)
endif()
