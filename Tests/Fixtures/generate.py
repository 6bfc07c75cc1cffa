#!/usr/bin/env python3
"""Writes meteo's own weather-API fixtures: deterministic bodies in the shapes Open-Meteo and
OpenWeatherMap send (learned from real answers; no real answer is copied). Run it from anywhere:
    python3 Tests/Fixtures/generate.py
"""
import json, math, os
from datetime import datetime, timedelta

HERE = os.path.dirname(os.path.abspath(__file__))

def write(rel, obj, compact=False):
    path = os.path.join(HERE, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        if compact:
            json.dump(obj, f, ensure_ascii=False, separators=(",", ":"))
        else:
            json.dump(obj, f, ensure_ascii=False, indent=1)
        f.write("\n")

def place(id, name, lat, lon, cc, country, admin1, tz, pop, admin2=None):
    p = {"id": id, "name": name, "latitude": lat, "longitude": lon, "elevation": 100.0,
         "feature_code": "PPL", "country_code": cc, "timezone": tz, "country": country, "admin1": admin1}
    if pop is not None:
        p["population"] = pop
    if admin2:
        p["admin2"] = admin2
    return p

GEO = {
    "paris": [
        place(1, "Paris", 48.8534, 2.3488, "FR", "France", "Île-de-France", "Europe/Paris", 2138551, "Paris"),
        place(2, "Paris", 33.6609, -95.5555, "US", "United States", "Texas", "America/Chicago", 24782, "Lamar"),
        place(3, "Paris", 36.302, -88.3267, "US", "United States", "Tennessee", "America/Chicago", 10156),
        place(4, "Paris", 43.2, -80.3845, "CA", "Canada", "Ontario", "America/Toronto", 12310),
    ],
    "paris.fr": [
        place(1, "Paris", 48.8534, 2.3488, "FR", "France", "Île-de-France", "Europe/Paris", 2138551, "Paris"),
        place(2, "Paris", 33.6609, -95.5555, "US", "États-Unis", "Texas", "America/Chicago", 24782),
    ],
    "springfield": [
        place(10, "Springfield", 39.8017, -89.6437, "US", "United States", "Illinois", "America/Chicago", 116565),
        place(11, "Springfield", 37.2153, -93.2982, "US", "United States", "Missouri", "America/Chicago", 166810),
        place(12, "Springfield", 42.1015, -72.5898, "US", "United States", "Massachusetts", "America/New_York", 153606),
        place(13, "Springfield", 44.0462, -123.022, "US", "United States", "Oregon", "America/Los_Angeles", 59403),
        place(14, "Springfield", -27.6540, 152.9170, "AU", "Australia", "Queensland", "Australia/Brisbane", None),
    ],
    "london": [
        place(20, "London", 51.5085, -0.1257, "GB", "United Kingdom", "England", "Europe/London", 8961989),
        place(21, "London", 42.9834, -81.233, "CA", "Canada", "Ontario", "America/Toronto", 346765),
    ],
    "london.fr": [
        place(20, "Londres", 51.5085, -0.1257, "GB", "Royaume-Uni", "Angleterre", "Europe/London", 8961989),
    ],
    "tokyo": [
        place(30, "Tokyo", 35.6895, 139.6917, "JP", "Japan", "東京都", "Asia/Tokyo", 9733276),
    ],
    "sao paulo": [
        place(40, "São Paulo", -23.5475, -46.6361, "BR", "Brazil", "São Paulo", "America/Sao_Paulo", 10021295),
    ],
    # Real geocoders sometimes return entries without coordinates or names: they must be skipped.
    "brokenville": [
        {"id": 50, "name": "Brokenville"},
        {"id": 51, "latitude": 10.0, "longitude": 10.0},
        place(52, "Brokenville", 10.5, 20.5, "NE", "Niger", None, "Africa/Niamey", None),
    ],
}

def slug(name):
    return name.replace(" ", "-")

for key, results in GEO.items():
    lang = ""
    if "." in key:
        key, lang = key.split(".")
        lang = "." + lang
    write(f"open-meteo/geocoding-{slug(key)}{lang}.json", {"results": results, "generationtime_ms": 0.5})

def forecast(lat, lon, tz, offset, abbr, start, base, hours=48, days=7, full=True, code_cycle=(0, 2, 3, 61, 80, 3, 1)):
    t0 = datetime.strptime(start, "%Y-%m-%dT%H:%M")
    cur_hour = t0.replace(minute=0)
    body = {"latitude": lat, "longitude": lon, "generationtime_ms": 0.2, "utc_offset_seconds": offset,
            "timezone": tz, "timezone_abbreviation": abbr, "elevation": 50.0}
    body["current_units"] = {"time": "iso8601", "interval": "seconds", "temperature_2m": "°C",
                             "apparent_temperature": "°C", "relative_humidity_2m": "%", "weather_code": "wmo code",
                             "wind_speed_10m": "km/h", "wind_direction_10m": "°", "pressure_msl": "hPa",
                             "precipitation": "mm", "is_day": "", "uv_index": ""}
    body["current"] = {"time": start, "interval": 900, "temperature_2m": base, "apparent_temperature": round(base - 2.4, 1),
                       "relative_humidity_2m": 71, "weather_code": code_cycle[0], "wind_speed_10m": 14.8,
                       "wind_direction_10m": 225, "pressure_msl": 1016.3, "precipitation": 0.0, "is_day": 1,
                       "uv_index": 1.35}
    if not full:
        body["current"]["apparent_temperature"] = None
        del body["current"]["pressure_msl"]
        body["current"]["relative_humidity_2m"] = None
    times, temps, probs, precs, codes, uvs = [], [], [], [], [], []
    for i in range(hours):
        t = cur_hour + timedelta(hours=i)
        times.append(t.strftime("%Y-%m-%dT%H:%M"))
        temps.append(round(base + 4 * math.sin((t.hour - 9) / 24 * 2 * math.pi), 1))
        probs.append((i * 7) % 100)
        precs.append(round(((i * 7) % 100) / 100 * 1.2, 1) if (i * 7) % 100 > 60 else 0.0)
        codes.append(code_cycle[i % len(code_cycle)])
        uvs.append(round(max(0.0, 3.2 * math.sin((t.hour - 7) / 10 * math.pi)), 2) if 7 <= t.hour <= 17 else 0.0)
    if not full:
        probs[1] = None
        temps[2] = None
    body["hourly_units"] = {"time": "iso8601", "temperature_2m": "°C", "precipitation_probability": "%",
                            "precipitation": "mm", "weather_code": "wmo code", "uv_index": ""}
    body["hourly"] = {"time": times, "temperature_2m": temps, "precipitation_probability": probs,
                      "precipitation": precs, "weather_code": codes, "uv_index": uvs}
    dtimes, dcode, dmax, dmin, dsum, dprob, rises, sets, lights, uvmax = [], [], [], [], [], [], [], [], [], []
    for d in range(days):
        day = t0.date() + timedelta(days=d)
        dtimes.append(day.isoformat())
        dcode.append(code_cycle[(d + 1) % len(code_cycle)])
        dmax.append(round(base + 4 + d % 3, 1))
        dmin.append(round(base - 5 + d % 2, 1))
        dsum.append(round((d % 4) * 1.7, 1))
        dprob.append((d * 23) % 100)
        # The sun: about 8:12 to 16:58 in late November at Paris's latitude, a minute shorter each day.
        rises.append(f"{day.isoformat()}T08:{12 + d:02d}")
        sets.append(f"{day.isoformat()}T16:{58 - d:02d}")
        lights.append(round((16 * 60 + 58 - d - (8 * 60 + 12 + d)) * 60.0, 2))
        uvmax.append(round(3.2 - d * 0.2, 2))
    body["daily_units"] = {"time": "iso8601", "weather_code": "wmo code", "temperature_2m_max": "°C",
                           "temperature_2m_min": "°C", "precipitation_sum": "mm", "precipitation_probability_max": "%",
                           "sunrise": "iso8601", "sunset": "iso8601", "daylight_duration": "s", "uv_index_max": ""}
    body["daily"] = {"time": dtimes, "weather_code": dcode, "temperature_2m_max": dmax, "temperature_2m_min": dmin,
                     "precipitation_sum": dsum, "precipitation_probability_max": dprob, "sunrise": rises,
                     "sunset": sets, "daylight_duration": lights, "uv_index_max": uvmax}
    if full:
        # Quarter hours from the one that holds now: six hours, dry but for a shower from the fifth hour.
        q0 = t0.replace(minute=(t0.minute // 15) * 15)
        qtimes = [(q0 + timedelta(minutes=15 * i)).strftime("%Y-%m-%dT%H:%M") for i in range(24)]
        qprec = [0.0] * 16 + [0.0, 0.1, 0.3, 0.2, 0.0, 0.0, 0.0, 0.0]
        body["minutely_15_units"] = {"time": "iso8601", "precipitation": "mm"}
        body["minutely_15"] = {"time": qtimes, "precipitation": qprec}
    return body

write("open-meteo/forecast-48.8534_2.3488.json", forecast(48.86, 2.34, "Europe/Paris", 3600, "CET", "2026-11-27T14:15", 9.3))
write("open-meteo/forecast-37.2153_-93.2982.json",
      forecast(37.2, -93.3, "America/Chicago", -21600, "CST", "2026-11-27T07:15", 3.1, code_cycle=(71, 73, 3, 2)))
write("open-meteo/forecast-51.5085_-0.1257.json",
      forecast(51.5, -0.12, "Europe/London", 0, "GMT", "2026-11-27T13:15", 8.2, hours=5, days=3, full=False),
      compact=True)
write("open-meteo/forecast-35.6895_139.6917.json",
      forecast(35.7, 139.7, "Asia/Tokyo", 32400, "JST", "2026-11-27T22:15", 11.0, code_cycle=(95, 45, 0)))
write("open-meteo/forecast-default.json",
      forecast(0.0, 0.0, "GMT", 0, "GMT", "2026-11-27T12:00", 20.0))
# Self-hosted or older servers answer `current_weather` only.
write("open-meteo/forecast--23.5475_-46.6361.json", {
    "latitude": -23.5, "longitude": -46.625, "utc_offset_seconds": -10800, "timezone": "America/Sao_Paulo",
    "current_weather": {"time": "2026-11-27T11:00", "interval": 900, "temperature": 24.5, "windspeed": 9.0,
                        "winddirection": 135, "is_day": 1, "weathercode": 2}})

# OpenWeatherMap: geocoding list and current weather (units=metric).
write("owm/geo-paris.json", [
    {"name": "Paris", "local_names": {"fr": "Paris", "en": "Paris"}, "lat": 48.8589, "lon": 2.32, "country": "FR",
     "state": "Ile-de-France"},
    {"name": "Paris", "lat": 33.6617, "lon": -95.5555, "country": "US", "state": "Texas"},
], compact=True)
write("owm/geo-london.json", [
    {"name": "London", "local_names": {"fr": "Londres", "en": "London"}, "lat": 51.5073, "lon": -0.1276,
     "country": "GB", "state": "England"},
], compact=True)
write("owm/weather-48.8589_2.32.json", {
    "coord": {"lon": 2.32, "lat": 48.8589}, "weather": [{"id": 803, "main": "Clouds", "description": "broken clouds",
    "icon": "04d"}], "base": "stations", "main": {"temp": 7.4, "feels_like": 4.9, "temp_min": 6.1, "temp_max": 8.3,
    "pressure": 1019, "humidity": 77}, "visibility": 10000, "wind": {"speed": 4.1, "deg": 240},
    "clouds": {"all": 75}, "dt": 1795792500,
    "sys": {"country": "FR", "sunrise": 1795763520, "sunset": 1795795080}, "timezone": 3600, "id": 2988507,
    "name": "Paris", "cod": 200}, compact=True)
# Old answers: no timezone, no feels_like, `cod` as a string, rain in the last hour.
write("owm/weather-51.5073_-0.1276.json", {
    "coord": {"lon": -0.1276, "lat": 51.5073}, "weather": [{"id": 501, "main": "Rain", "description": "moderate rain"}],
    "main": {"temp": 9.8, "pressure": 1003.5, "humidity": 93}, "wind": {"speed": 6.2},
    "rain": {"1h": 1.4}, "dt": 1795788900, "name": "London", "cod": "200"}, compact=True)

# Open-Meteo's air-quality API (`current=european_aqi,us_aqi,pm2_5,pm10,ozone,nitrogen_dioxide`, as meteo asks).
def air(lat, lon, tz, offset, start, eaqi, usaqi, pm25, pm10, o3, no2):
    return {"latitude": lat, "longitude": lon, "generationtime_ms": 0.3, "utc_offset_seconds": offset, "timezone": tz,
            "timezone_abbreviation": "CET", "elevation": 40.0,
            "current_units": {"time": "iso8601", "interval": "seconds", "european_aqi": "EAQI", "us_aqi": "USAQI",
                              "pm2_5": "μg/m³", "pm10": "μg/m³", "ozone": "μg/m³", "nitrogen_dioxide": "μg/m³"},
            "current": {"time": start, "interval": 3600, "european_aqi": eaqi, "us_aqi": usaqi, "pm2_5": pm25,
                        "pm10": pm10, "ozone": o3, "nitrogen_dioxide": no2}}

write("open-meteo/air-quality-48.8534_2.3488.json",
      air(48.85, 2.35, "Europe/Paris", 3600, "2026-11-27T14:00", 23, 41, 8.2, 14.6, 52.0, 12.4), compact=True)
# Elsewhere: an hourly-only answer, pollen and all, the way the API answers a plain `hourly=` request; the
# European index is missing (null) outside the models' area, as the API sends it.
hours = [(datetime(2026, 11, 27) + timedelta(hours=i)).strftime("%Y-%m-%dT%H:%M") for i in range(48)]
write("open-meteo/air-quality-default.json", {
    "latitude": 0.0, "longitude": 0.0, "utc_offset_seconds": 0, "timezone": "GMT",
    "hourly_units": {"time": "iso8601", "european_aqi": "EAQI", "us_aqi": "USAQI", "pm2_5": "μg/m³"},
    "hourly": {"time": hours, "european_aqi": [None] * 48, "us_aqi": [30 + i % 20 for i in range(48)],
               "pm2_5": [round(5 + (i % 7) * 1.3, 1) for i in range(48)], "birch_pollen": [None] * 48}},
    compact=True)
# OpenWeatherMap's air pollution API.
write("owm/air-48.8589_2.32.json", {
    "coord": {"lon": 2.32, "lat": 48.8589},
    "list": [{"main": {"aqi": 2}, "components": {"co": 201.94, "no": 0.02, "no2": 12.43, "o3": 52.21, "so2": 0.64,
                                                 "pm2_5": 8.2, "pm10": 14.6, "nh3": 0.12}, "dt": 1795791600}]},
    compact=True)
# OpenWeatherMap's 5-day forecast (`units=metric`): 3-hour steps from the next one, `pop` as a fraction, rain over
# the three hours before `dt`.
steps = []
for i in range(16):
    dt = 1795795200 + i * 10800  # 2026-11-27T15:00Z onwards
    step = {"dt": dt, "main": {"temp": round(7.4 - i * 0.3, 2), "feels_like": 5.0, "temp_min": round(6.9 - i * 0.3, 2),
            "temp_max": round(7.9 - i * 0.3, 2), "pressure": 1019, "humidity": 80},
            "weather": [{"id": 500 if i in (3, 4) else 803, "main": "Rain" if i in (3, 4) else "Clouds"}],
            "pop": [0, 0.1, 0.2, 0.8, 0.6, 0.2][i] if i < 6 else 0, "sys": {"pod": "n"},
            "dt_txt": datetime.utcfromtimestamp(dt).strftime("%Y-%m-%d %H:%M:%S")}
    if i in (3, 4):
        step["rain"] = {"3h": 1.2}
    steps.append(step)
write("owm/forecast-48.8589_2.32.json", {"cod": "200", "message": 0, "cnt": 16, "list": steps,
    "city": {"id": 2988507, "name": "Paris", "coord": {"lat": 48.8589, "lon": 2.32}, "country": "FR",
             "population": 2138551, "timezone": 3600, "sunrise": 1795763520, "sunset": 1795795080}}, compact=True)
