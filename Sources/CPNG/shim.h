#ifndef PROFILESHEET_CPNG_H
#define PROFILESHEET_CPNG_H
#include <png.h>
#endif
