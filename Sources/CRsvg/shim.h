#ifndef PROFILESHEET_CRSVG_H
#define PROFILESHEET_CRSVG_H
#include <librsvg/rsvg.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#endif
