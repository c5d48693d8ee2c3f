#ifndef PROFILESHEET_CPANGOCAIRO_H
#define PROFILESHEET_CPANGOCAIRO_H
#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-ft.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-font.h>
#include <fontconfig/fontconfig.h>
#include <fontconfig/fcfreetype.h>
#include <ft2build.h>
#include FT_FREETYPE_H

/* The start of Pango's private PangoCairoFontIface (pangocairo-private.h in Pango 1.50), whose
 * create_font_face CairoFontFaces wraps. */
typedef struct {
    GTypeInterface g_iface;
    cairo_font_face_t *(*create_font_face)(PangoCairoFont *cfont);
} ProfilesheetPangoCairoFontIface;
#endif
