#ifndef PROFILESHEET_CQPDF_H
#define PROFILESHEET_CQPDF_H
#include <qpdf/qpdf-c.h>
#endif
