#ifndef METEO_CCURL_H
#define METEO_CCURL_H

#include <curl/curl.h>

// libcurl is loaded with dlopen on first use, not linked: commands that make no HTTP request
// (history, delete, export…) then start without loading libcurl and its thirty TLS, IDN and
// Kerberos libraries, which cost ~13 ms and ~10 MB at every start.
//
// curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot call: each use gets a
// wrapper with a fixed signature.

typedef size_t (*meteo_curl_data_callback)(char *ptr, size_t size, size_t nmemb, void *userdata);
typedef int (*meteo_curl_xferinfo_callback)(void *userdata, curl_off_t dltotal, curl_off_t dlnow,
                                            curl_off_t ultotal, curl_off_t ulnow);

/// Loads libcurl.so.4 (once) and calls curl_global_init; 0 when libcurl is missing or too old.
int meteo_curl_load(void);

CURL *meteo_curl_easy_init(void);
void meteo_curl_easy_cleanup(CURL *curl);
void meteo_curl_easy_reset(CURL *curl);
CURLcode meteo_curl_easy_perform(CURL *curl);
const char *meteo_curl_easy_strerror(CURLcode code);
struct curl_slist *meteo_curl_slist_append(struct curl_slist *list, const char *text);
void meteo_curl_slist_free_all(struct curl_slist *list);

CURLcode meteo_curl_set_long(CURL *curl, CURLoption option, long value);
CURLcode meteo_curl_set_off_t(CURL *curl, CURLoption option, curl_off_t value);
CURLcode meteo_curl_set_string(CURL *curl, CURLoption option, const char *value);
CURLcode meteo_curl_set_pointer(CURL *curl, CURLoption option, void *value);
CURLcode meteo_curl_set_slist(CURL *curl, CURLoption option, struct curl_slist *value);
CURLcode meteo_curl_set_data_callback(CURL *curl, CURLoption option, meteo_curl_data_callback value);
CURLcode meteo_curl_set_xferinfo_callback(CURL *curl, meteo_curl_xferinfo_callback value);
/// Sets the request body; libcurl copies it (COPYPOSTFIELDS), so the buffer need not outlive the call.
CURLcode meteo_curl_set_body(CURL *curl, const void *data, long size);
CURLcode meteo_curl_get_long(CURL *curl, CURLINFO info, long *value);
CURLcode meteo_curl_get_off_t(CURL *curl, CURLINFO info, curl_off_t *value);

#endif
