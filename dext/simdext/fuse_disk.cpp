#define FUSE_USE_VERSION 314
#include "fuse_disk.h"

#include <fcntl.h>
#include <fuse3/fuse_lowlevel.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

namespace simdext {
namespace {

constexpr fuse_ino_t kRootInode = 1;
constexpr fuse_ino_t kDiskInode = 2;
constexpr const char* kDiskName = "disk";

DiskBackend& backend_of(fuse_req_t req) { return static_cast<FuseDisk*>(fuse_req_userdata(req))->backend(); }

struct stat attributes(fuse_ino_t ino, const DiskBackend& backend) {
  struct stat st {};
  st.st_ino = ino;
  if (ino == kRootInode) {
    st.st_mode = S_IFDIR | 0700;
    st.st_nlink = 2;
  } else {
    st.st_mode = S_IFREG | 0600;
    st.st_nlink = 1;
    st.st_size = static_cast<off_t>(backend.size_bytes());
    st.st_blksize = 4096;
    st.st_blocks = st.st_size / 512;
  }
  return st;
}

void op_init(void*, fuse_conn_info* conn) {
  conn->max_write = FuseDisk::kMaxTransfer;
  conn->max_read = FuseDisk::kMaxTransfer;
  conn->max_background = 128;
  conn->congestion_threshold = 96;
  if (conn->capable & FUSE_CAP_ASYNC_DIO) {
    conn->want |= FUSE_CAP_ASYNC_DIO;  // the loop device's aio reaches us in parallel
  }
}

void op_lookup(fuse_req_t req, fuse_ino_t parent, const char* name) {
  if (parent != kRootInode || std::strcmp(name, kDiskName) != 0) {
    fuse_reply_err(req, ENOENT);
    return;
  }
  fuse_entry_param entry{};
  entry.ino = kDiskInode;
  entry.attr = attributes(kDiskInode, backend_of(req));
  fuse_reply_entry(req, &entry);  // timeouts 0: the size is asked again after every attach
}

void op_getattr(fuse_req_t req, fuse_ino_t ino, fuse_file_info*) {
  if (ino != kRootInode && ino != kDiskInode) {
    fuse_reply_err(req, ENOENT);
    return;
  }
  struct stat st = attributes(ino, backend_of(req));
  fuse_reply_attr(req, &st, 0.0);
}

void op_open(fuse_req_t req, fuse_ino_t ino, fuse_file_info* fi) {
  if (ino != kDiskInode) {
    fuse_reply_err(req, EISDIR);
    return;
  }
  const uint64_t generation = backend_of(req).generation();
  if (generation == 0) {
    fuse_reply_err(req, ENXIO);  // detached
    return;
  }
  fi->fh = generation;
  fi->direct_io = 1;  // no FUSE page cache: every read and write reaches the model
  fi->keep_cache = 0;
  fuse_reply_open(req, fi);
}

void op_read(fuse_req_t req, fuse_ino_t, size_t size, off_t offset, fuse_file_info* fi) {
  DiskBackend& backend = backend_of(req);
  const uint64_t disk = backend.size_bytes();
  const uint64_t at = static_cast<uint64_t>(offset);
  if (at >= disk) {
    fuse_reply_buf(req, nullptr, 0);
    return;
  }
  size = static_cast<size_t>(std::min<uint64_t>(size, disk - at));
  thread_local std::vector<uint8_t> buffer;
  if (buffer.size() < size) {
    buffer.resize(size);
  }
  const int error = backend.read(fi->fh, at, std::span<uint8_t>(buffer.data(), size));
  if (error != 0) {
    fuse_reply_err(req, error);
    return;
  }
  fuse_reply_buf(req, reinterpret_cast<const char*>(buffer.data()), size);
}

void op_write(fuse_req_t req, fuse_ino_t, const char* data, size_t size, off_t offset, fuse_file_info* fi) {
  DiskBackend& backend = backend_of(req);
  const uint64_t disk = backend.size_bytes();
  const uint64_t at = static_cast<uint64_t>(offset);
  if (at >= disk || size > disk - at) {
    fuse_reply_err(req, ENOSPC);
    return;
  }
  const int error =
      backend.write(fi->fh, at, std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(data), size));
  if (error != 0) {
    fuse_reply_err(req, error);
    return;
  }
  fuse_reply_write(req, size);
}

void op_fsync(fuse_req_t req, fuse_ino_t, int, fuse_file_info* fi) {
  fuse_reply_err(req, backend_of(req).fsync(fi->fh));
}

void op_flush(fuse_req_t req, fuse_ino_t, fuse_file_info*) { fuse_reply_err(req, 0); }

void op_release(fuse_req_t req, fuse_ino_t, fuse_file_info*) { fuse_reply_err(req, 0); }

void op_opendir(fuse_req_t req, fuse_ino_t ino, fuse_file_info* fi) {
  if (ino != kRootInode) {
    fuse_reply_err(req, ENOTDIR);
    return;
  }
  fuse_reply_open(req, fi);
}

void op_readdir(fuse_req_t req, fuse_ino_t, size_t size, off_t offset, fuse_file_info*) {
  std::vector<char> out(size);
  size_t used = 0;
  const char* names[] = {".", "..", kDiskName};
  const fuse_ino_t inodes[] = {kRootInode, kRootInode, kDiskInode};
  for (off_t i = offset; i < 3; ++i) {
    struct stat st {};
    st.st_ino = inodes[i];
    st.st_mode = i == 2 ? S_IFREG : S_IFDIR;
    const size_t n = fuse_add_direntry(req, out.data() + used, size - used, names[i], &st, i + 1);
    if (n > size - used) {
      break;
    }
    used += n;
  }
  fuse_reply_buf(req, out.data(), used);
}

const fuse_lowlevel_ops kOps = [] {
  fuse_lowlevel_ops ops{};
  ops.init = op_init;
  ops.lookup = op_lookup;
  ops.getattr = op_getattr;
  ops.open = op_open;
  ops.read = op_read;
  ops.write = op_write;
  ops.fsync = op_fsync;
  ops.flush = op_flush;
  ops.release = op_release;
  ops.opendir = op_opendir;
  ops.readdir = op_readdir;
  return ops;
}();

}  // namespace

bool abort_fuse_connection(uint64_t device) {
  if (device == 0) {
    return false;
  }
  bool mounted = false;
  if (std::FILE* mounts = std::fopen("/proc/self/mounts", "r")) {
    char line[4096];
    while (std::fgets(line, sizeof line, mounts) != nullptr) {
      mounted = mounted || std::strstr(line, " /sys/fs/fuse/connections fusectl ") != nullptr;
    }
    std::fclose(mounts);
  }
  if (!mounted) {
    ::mount("fusectl", "/sys/fs/fuse/connections", "fusectl", 0, nullptr);
  }
  const std::string path = "/sys/fs/fuse/connections/" + std::to_string(device) + "/abort";
  const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) {
    return false;
  }
  const bool ok = ::write(fd, "1", 1) == 1;
  ::close(fd);
  return ok;
}

std::expected<std::unique_ptr<FuseDisk>, std::string> FuseDisk::mount(const std::string& mountpoint,
                                                                      DiskBackend& backend) {
  std::unique_ptr<FuseDisk> disk(new FuseDisk(mountpoint, backend));
  std::string options = "fsname=simdext,subtype=simdext,max_read=" + std::to_string(kMaxTransfer);
  std::vector<std::string> argv_text = {"simdext", "-o", options};
  std::vector<char*> argv;
  for (auto& a : argv_text) {
    argv.push_back(a.data());
  }
  fuse_args args = FUSE_ARGS_INIT(static_cast<int>(argv.size()), argv.data());
  disk->session_ = fuse_session_new(&args, &kOps, sizeof(kOps), disk.get());
  fuse_opt_free_args(&args);  // the session keeps what it parsed
  if (disk->session_ == nullptr) {
    return std::unexpected("fuse_session_new failed");
  }
  if (fuse_session_mount(disk->session_, mountpoint.c_str()) != 0) {
    fuse_session_destroy(disk->session_);
    disk->session_ = nullptr;
    return std::unexpected("cannot mount FUSE at " + mountpoint);
  }
  fuse_session* session = disk->session_;
  std::atomic<bool>* done = &disk->loop_done_;
  disk->loop_ = std::thread([session, done] {
    fuse_loop_config* config = fuse_loop_cfg_create();
    fuse_loop_cfg_set_max_threads(config, 32);
    fuse_loop_cfg_set_idle_threads(config, 16);
    fuse_loop_cfg_set_clone_fd(config, 1);
    fuse_session_loop_mt(session, config);
    fuse_loop_cfg_destroy(config);
    done->store(true);
  });
  struct stat st {};
  if (::stat(mountpoint.c_str(), &st) == 0) {
    disk->connection_ = static_cast<uint64_t>(st.st_dev);
  }
  return disk;
}

FuseDisk::~FuseDisk() {
  if (session_ == nullptr) {
    return;
  }
  fuse_session_exit(session_);
  // Abort the connection first: a loop device that still holds the file (deferred autoclear) would
  // otherwise keep it alive and the loop threads blocked in read(/dev/fuse). Aborted, every
  // request gets ENOTCONN (EIO to the loop device) and nothing hangs.
  abort_fuse_connection(connection_);
  fuse_session_unmount(session_);
  // libfuse skips the unmount once the connection is aborted; detach the mount ourselves (lazy:
  // never blocks on a busy file).
  ::umount2(mountpoint_.c_str(), MNT_DETACH);
  for (int i = 0; i < 500 && !loop_done_.load(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  if (!loop_done_.load()) {
    loop_.detach();  // cannot happen once the connection is aborted; never hang the process
    return;
  }
  loop_.join();
  fuse_session_destroy(session_);
}

}  // namespace simdext
