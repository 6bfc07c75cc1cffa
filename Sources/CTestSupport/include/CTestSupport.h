#ifndef METEO_CTESTSUPPORT_H
#define METEO_CTESTSUPPORT_H

#include <spawn.h>

// glibc declares these only under _GNU_SOURCE, which Swift's Glibc module does not set.

/// posix_spawn_file_actions_addclosefrom_np: close every descriptor from `low` up in the child.
int meteo_spawn_close_from(posix_spawn_file_actions_t *actions, int low);

/// accept4 with SOCK_CLOEXEC: the accepted socket is not inherited by spawned processes.
int meteo_accept_cloexec(int socket);

#endif
