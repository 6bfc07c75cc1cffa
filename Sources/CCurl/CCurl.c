#include "CCurl.h"

#include <dlfcn.h>
#include <pthread.h>

static struct {
    CURLcode (*global_init)(long);
    CURL *(*easy_init)(void);
    void (*easy_cleanup)(CURL *);
    void (*easy_reset)(CURL *);
    CURLcode (*easy_perform)(CURL *);
    const char *(*easy_strerror)(CURLcode);
    struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
    void (*slist_free_all)(struct curl_slist *);
    CURLcode (*easy_setopt)(CURL *, CURLoption, ...);
    CURLcode (*easy_getinfo)(CURL *, CURLINFO, ...);
} api;

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int loaded = 0;

static void load(void) {
    void *library = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) return;
#define BIND(field, name) \
    *(void **)(&api.field) = dlsym(library, name); \
    if (api.field == NULL) return;
    BIND(global_init, "curl_global_init")
    BIND(easy_init, "curl_easy_init")
    BIND(easy_cleanup, "curl_easy_cleanup")
    BIND(easy_reset, "curl_easy_reset")
    BIND(easy_perform, "curl_easy_perform")
    BIND(easy_strerror, "curl_easy_strerror")
    BIND(slist_append, "curl_slist_append")
    BIND(slist_free_all, "curl_slist_free_all")
    BIND(easy_setopt, "curl_easy_setopt")
    BIND(easy_getinfo, "curl_easy_getinfo")
#undef BIND
    if (api.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) return;
    loaded = 1;
}

int meteo_curl_load(void) {
    pthread_once(&once, load);
    return loaded;
}

// Every function below is called only after meteo_curl_load() returned 1.
CURL *meteo_curl_easy_init(void) { return api.easy_init(); }
void meteo_curl_easy_cleanup(CURL *curl) { api.easy_cleanup(curl); }
void meteo_curl_easy_reset(CURL *curl) { api.easy_reset(curl); }
CURLcode meteo_curl_easy_perform(CURL *curl) { return api.easy_perform(curl); }
const char *meteo_curl_easy_strerror(CURLcode code) { return api.easy_strerror(code); }
struct curl_slist *meteo_curl_slist_append(struct curl_slist *list, const char *text) {
    return api.slist_append(list, text);
}
void meteo_curl_slist_free_all(struct curl_slist *list) { api.slist_free_all(list); }

CURLcode meteo_curl_set_long(CURL *curl, CURLoption option, long value) { return api.easy_setopt(curl, option, value); }
CURLcode meteo_curl_set_off_t(CURL *curl, CURLoption option, curl_off_t value) {
    return api.easy_setopt(curl, option, value);
}
CURLcode meteo_curl_set_string(CURL *curl, CURLoption option, const char *value) {
    return api.easy_setopt(curl, option, value);
}
CURLcode meteo_curl_set_pointer(CURL *curl, CURLoption option, void *value) {
    return api.easy_setopt(curl, option, value);
}
CURLcode meteo_curl_set_slist(CURL *curl, CURLoption option, struct curl_slist *value) {
    return api.easy_setopt(curl, option, value);
}
CURLcode meteo_curl_set_data_callback(CURL *curl, CURLoption option, meteo_curl_data_callback value) {
    return api.easy_setopt(curl, option, value);
}
CURLcode meteo_curl_set_xferinfo_callback(CURL *curl, meteo_curl_xferinfo_callback value) {
    return api.easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, value);
}
CURLcode meteo_curl_set_body(CURL *curl, const void *data, long size) {
    CURLcode code = api.easy_setopt(curl, CURLOPT_POSTFIELDSIZE, size);
    if (code != CURLE_OK) return code;
    return api.easy_setopt(curl, CURLOPT_COPYPOSTFIELDS, data != NULL ? data : "");
}
CURLcode meteo_curl_get_long(CURL *curl, CURLINFO info, long *value) { return api.easy_getinfo(curl, info, value); }
CURLcode meteo_curl_get_off_t(CURL *curl, CURLINFO info, curl_off_t *value) {
    return api.easy_getinfo(curl, info, value);
}
