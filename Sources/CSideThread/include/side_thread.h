#ifndef MATURITY_SIDE_THREAD_H
#define MATURITY_SIDE_THREAD_H
#include <stddef.h>

/// Starts `body(arg)` on a new detached thread with a `stack`-byte stack. On Linux the thread
/// may run on every CPU the process may use except the caller's, so it starts on another core
/// at once instead of sharing its parent's until the scheduler balances. Returns 0 on success.
int maturity_start_side_thread(void *(*body)(void *), void *arg, size_t stack);

#endif
