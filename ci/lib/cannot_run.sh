# Sourced by every end-to-end test script that needs something this machine may lack (root, loop
# devices, FUSE, QEMU, a browser, an npm tool): the one rule for a test that cannot run. Outside CI it
# exits 77, CTest's SKIP_RETURN_CODE, with the reason; under CI=true it exits 1, because in CI a test
# that cannot run is a failure, never a skip. Messages carry the script's name.
# (The installed ci/with-simdext.sh keeps its own copy: an installed script cannot source the tree.)
cannot_run() {
  echo "$(basename "$0" .sh): cannot run: $1" >&2
  if [[ "${CI:-}" == "true" ]]; then exit 1; fi
  exit 77
}
