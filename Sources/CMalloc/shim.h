#ifndef PROFILESHEET_CMALLOC_H
#define PROFILESHEET_CMALLOC_H
/* glibc's allocator controls (mallopt), which Swift's Glibc module leaves out. */
#include <malloc.h>
#endif
