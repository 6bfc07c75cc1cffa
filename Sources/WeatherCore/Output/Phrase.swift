/// A sentence or phrase meteo says; each language's `Labels` holds its words for every case.
public enum Phrase: String, Sendable, CaseIterable {
    // Numbers, dates and durations
    case dayMonth, dayMonthYear, seconds, minutes, hours, days, either

    // Reports (`meteo now`, the screen)
    case staleShort, staleLine, nowIsForecast, resultFrom, forecastFrom, showing, recordingOffline
    case offlineResult, offlineForecast, unknownWeather, rain, most, windInLine

    // Rain soon, sun and UV
    case rainNow, rainNowLasting, rainFrom, rainFromChance, noRain, sunRow, uvRow
    case sunTimes, sunPlaceTime, daylight, uvNow, uvToday, uvLow, uvModerate, uvHigh, uvVeryHigh, uvExtreme

    // Air quality
    case airRow, europeanAQI, usAQI, owmAQI, pollutants, airUnavailable
    case aqGood, aqFair, aqModerate, aqPoor, aqVeryPoor, aqExtremelyPoor, aqSensitive, aqUnhealthy, aqVeryUnhealthy
    case aqHazardous

    // What your records say
    case trendTitle, trendOne, trendHere, trendLatest, warmerThan, colderThan, asWarmAs, warmestKept, coldestKept,
        noTrend

    // A kept record
    case keptMark, keptOffline, keptOfflineWhy, observedAtPlace, yourTime, observed, kept, recordID
    case offlineObserved, recordKeys

    // The screen's status line and boxes
    case recorded, deleted, restored, nothingToUndo, keptAlreadyPressF, nothingToRecord, noCurrentToRecord
    case typePlaceFirst, searching, fetching, cancelled, alreadyKeptAs, metricUnits, imperialUnits
    case syncing, synced, offlineWaiting, offline, syncError, whichOne, pickHint, keysTitle, helpHint
    case inSearch, inResult, inHistory, anywhere, more, pressSlash, tooSmall, storeUnavailable, storeFailed,
        needsTerminal

    // Command output
    case deletedLine, undoHint, restoredLine, importedOne, importedMany, standardInput, stdinIsTerminal
    case cannotReadFile, noSuchFile, notReadable, isFolder, isEmpty, noRecordsYet, noRecordsMatch
    case placeColumn, regionColumn, countryColumn, populationColumn, coordinatesColumn
    case notHTTPURL, plainHTTPRefused, loggedIn, cannotReadTokenFile, tokenShape, tokenPrompt, tokenUnchecked
    case loggedOut, noCurrentSent, unexpectedError, theRecordService, stillInEnvironment
    case asciiUpDown, deletedElsewhere, refusedByService, upToDate

    // Command-line mistakes
    case errorLine, warningLine, usageLine, unknownOption, missingValue, takesNoValue, missingArgument,
        unexpectedArgument
    case unknownCommand, notOneOf, notAValue, placeOrCoordinates, coordinatesTogether, coordinatesRange
    case namePlace, nameSearch, withinRange, notBoth, formatDisagrees

    // Weather and network errors
    case placeNotFound, placeNotFoundSearch, missingAPIKey, invalidAPIKey, rateLimited, retryIn, tryLater
    case providerError, malformedAnswer, outdated, outdatedFrom
    case dnsFailure, connectionRefused, timeout, connectionClosed, tlsFailure, tooLarge, badRedirect
    case invalidURL, noLibcurl, networkError

    // Record store errors
    case noSuchRecord, ambiguousID, duplicateID, alreadyKept, invalidRecord, emptyInput, cannotOpenStore
    case notAStore, storeDamaged, storeNewer, storeReadOnly, diskFull, storeBusy, storeFailedAt

    // Sync errors
    case syncNotSetUp, weatherServiceNotSetUp, insecureURL, serviceUnreachable, tokenRejected, serviceIncompatible,
        serviceFailed
    case serviceRefused, serviceUnreadable
    case whyUnknownHost, whyRefused, whyTimeout, whyClosed, whyCertificate, whyTooLarge, whyRedirect, whyURL
    case whyNoLibcurl, whyCancelled, whyNetwork

    // config.toml
    case invalidSetting, cannotReadConfig, configNotTOML, namedByConfigVariable, expectURL, expectSeconds
    case expectBool, expectFormat, unknownPlaceholder, unclosedBrace, notRegularFile, permissionDenied, notUTF8,
        secretsReadable, unknownSetting, tomlLine
}
