#define _GNU_SOURCE
#include "side_thread.h"
#include <pthread.h>
#include <sched.h>

int maturity_start_side_thread(void *(*body)(void *), void *arg, size_t stack) {
    pthread_attr_t attr;
    if (pthread_attr_init(&attr) != 0) return -1;
    pthread_attr_setstacksize(&attr, stack);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
#ifdef __linux__
    cpu_set_t allowed;
    int here = sched_getcpu();
    if (here >= 0 && here < CPU_SETSIZE && sched_getaffinity(0, sizeof allowed, &allowed) == 0) {
        CPU_CLR(here, &allowed);
        /* With one CPU to run on there is no other core: leave the thread free. */
        if (CPU_COUNT(&allowed) > 0) pthread_attr_setaffinity_np(&attr, sizeof allowed, &allowed);
    }
#endif
    pthread_t thread;
    int started = pthread_create(&thread, &attr, body, arg);
    pthread_attr_destroy(&attr);
    return started;
}
