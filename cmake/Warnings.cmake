# One place for compiler flags shared by every target of the project.
add_compile_options(-Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
                    -Wcast-align -Woverloaded-virtual -Wformat=2)
if(DEXTQUAL_WERROR)
  add_compile_options(-Werror)
endif()
if(DEXTQUAL_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=address,undefined)
  # GCC 12's instrumentation makes -Wmaybe-uninitialized fire inside libstdc++'s own headers
  # (<regex>'s std::function moves); GCC documents the warning as unreliable under sanitizers.
  # The plain configuration keeps it, so the project's own code is still checked.
  add_compile_options(-Wno-maybe-uninitialized)
endif()
# Boost.Process v2 is used header-only with std::filesystem (no Boost.Filesystem link).
add_compile_definitions(BOOST_PROCESS_USE_STD_FS)
