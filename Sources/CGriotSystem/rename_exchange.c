#define _GNU_SOURCE
#include "CGriotSystem.h"

#include <errno.h>
#include <unistd.h>
#if defined(__linux__)
#include <sys/syscall.h>
#endif

int griot_rename_exchange(int old_dirfd, const char *old_path, int new_dirfd, const char *new_path) {
#if defined(__linux__) && defined(SYS_renameat2)
    // Called through syscall(2): older C libraries do not declare renameat2.
    return (int)syscall(SYS_renameat2, old_dirfd, old_path, new_dirfd, new_path, 1 << 1 /* RENAME_EXCHANGE */);
#else
    (void)old_dirfd; (void)old_path; (void)new_dirfd; (void)new_path;
    errno = ENOSYS;
    return -1;
#endif
}
