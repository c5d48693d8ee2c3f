#ifndef PROFILESHEET_CHYPHEN_H
#define PROFILESHEET_CHYPHEN_H
/* libhyphen (Debian libhyphen-dev) ships no pkg-config file: the header is in the default
   include path and the module map links -lhyphen. */
#include <hyphen.h>
#endif
