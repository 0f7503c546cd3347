/* zlib's inflate, for unpacking .xlsx parts with every length checked against the file. */
#include <zlib.h>
