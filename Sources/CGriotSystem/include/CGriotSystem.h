#ifndef CGRIOTSYSTEM_H
#define CGRIOTSYSTEM_H

/// Swaps two directory entries atomically (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0, or -1 with errno set: ENOSYS where the system has no such call, EINVAL where the
/// file system does not support it.
int griot_rename_exchange(int old_dirfd, const char *old_path, int new_dirfd, const char *new_path);

#endif
