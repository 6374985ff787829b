// glibc's allocator settings (mallopt), for the command line's choice of allocation arenas.
#if __has_include(<malloc.h>)
#include <malloc.h>
#endif
