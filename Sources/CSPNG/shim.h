#ifndef PROFILESHEET_CSPNG_H
#define PROFILESHEET_CSPNG_H
/* libspng: PNG decoding a row at a time, with errors as return codes. */
#include <spng.h>
#endif
