#ifndef METEO_CCURL_SHIM_H
#define METEO_CCURL_SHIM_H

#include <curl/curl.h>

// curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot call:
// each use gets a wrapper with a fixed signature.

typedef size_t (*meteo_curl_data_callback)(char *ptr, size_t size, size_t nmemb, void *userdata);
typedef int (*meteo_curl_xferinfo_callback)(void *userdata, curl_off_t dltotal, curl_off_t dlnow,
                                            curl_off_t ultotal, curl_off_t ulnow);

static inline CURLcode meteo_curl_set_long(CURL *curl, CURLoption option, long value) {
    return curl_easy_setopt(curl, option, value);
}

static inline CURLcode meteo_curl_set_off_t(CURL *curl, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(curl, option, value);
}

static inline CURLcode meteo_curl_set_string(CURL *curl, CURLoption option, const char *value) {
    return curl_easy_setopt(curl, option, value);
}

static inline CURLcode meteo_curl_set_pointer(CURL *curl, CURLoption option, void *value) {
    return curl_easy_setopt(curl, option, value);
}

static inline CURLcode meteo_curl_set_slist(CURL *curl, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(curl, option, value);
}

static inline CURLcode meteo_curl_set_data_callback(CURL *curl, CURLoption option, meteo_curl_data_callback value) {
    return curl_easy_setopt(curl, option, value);
}

static inline CURLcode meteo_curl_set_xferinfo_callback(CURL *curl, meteo_curl_xferinfo_callback value) {
    return curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, value);
}

static inline CURLcode meteo_curl_get_long(CURL *curl, CURLINFO info, long *value) {
    return curl_easy_getinfo(curl, info, value);
}

static inline CURLcode meteo_curl_get_off_t(CURL *curl, CURLINFO info, curl_off_t *value) {
    return curl_easy_getinfo(curl, info, value);
}

// The body is copied by libcurl (COPYPOSTFIELDS), so the caller's buffer need not outlive the call.
static inline CURLcode meteo_curl_set_body(CURL *curl, const void *data, long size) {
    CURLcode code = curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, size);
    if (code != CURLE_OK) return code;
    return curl_easy_setopt(curl, CURLOPT_COPYPOSTFIELDS, data != NULL ? data : "");
}

static inline long meteo_curl_global_default(void) { return CURL_GLOBAL_DEFAULT; }

#endif
