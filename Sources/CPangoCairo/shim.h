#ifndef PROFILESHEET_CPANGOCAIRO_H
#define PROFILESHEET_CPANGOCAIRO_H
#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <fontconfig/fontconfig.h>
#endif
