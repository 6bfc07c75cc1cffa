#ifndef METEO_CNCURSES_SHIM_H
#define METEO_CNCURSES_SHIM_H

// Wide-character curses: without this define wget_wch and cchar_t are missing.
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <ncursesw/curses.h>

// Globals and macros Swift cannot use directly get functions.
static inline WINDOW *meteo_stdscr(void) { return stdscr; }
static inline int meteo_lines(void) { return LINES; }
static inline int meteo_cols(void) { return COLS; }
static inline attr_t meteo_a_bold(void) { return A_BOLD; }
static inline attr_t meteo_a_reverse(void) { return A_REVERSE; }
static inline attr_t meteo_a_dim(void) { return A_DIM; }
static inline attr_t meteo_a_underline(void) { return A_UNDERLINE; }
static inline attr_t meteo_a_normal(void) { return A_NORMAL; }
static inline attr_t meteo_color_pair(short pair) { return COLOR_PAIR(pair); }
static inline int meteo_key_code_yes(void) { return KEY_CODE_YES; }

#endif
