#ifndef PROFILESHEET_CHARFBUZZSUBSET_H
#define PROFILESHEET_CHARFBUZZSUBSET_H
#include <hb.h>
#include <hb-subset.h>
#endif
