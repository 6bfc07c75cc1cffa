import Foundation
import RecordStore
import Testing
import WeatherCore
import WeatherTestSupport

/// `meteo record/history/delete/undo/import/export` as a person or a script runs them, on real SQLite files.
@Suite struct RecordCommandLineTests: MeteoCommandLineSuite {
    let cli: MeteoHarness

    init() throws { cli = try MeteoHarness() }

    func recordedID(_ output: ChildProcess.Output) throws -> String {
        #expect(output.status == 0, "\(output.stderr)")
        let id = output.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(WeatherRecord.isValidID(id))
        return id
    }

    // MARK: the record's life

    @Test func recordThenHistoryNewestFirst() throws {
        let paris = try recordedID(try run("record", "Paris"))
        let springfield = try recordedID(try run("record", "Springfield, MO"))

        let history = try run("history")
        #expect(history.status == 0)
        let lines = history.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix(String(springfield.prefix(8)) + "  "))
        #expect(lines[0].hasSuffix("  Springfield, Missouri, US  3.1°C  Light snow"))
        #expect(lines[1].hasSuffix("  Paris, Île-de-France, FR   9.3°C  Clear sky"))
        // Columns line up by what they take on screen (Î is one cell, as is every letter here)
        #expect(
            lines[0].firstRange(of: "°C")?.lowerBound.utf16Offset(in: lines[0])
                == lines[1].firstRange(of: "°C")?.lowerBound.utf16Offset(in: lines[1]))
        #expect(lines[1].hasPrefix(String(paris.prefix(8))))
        #expect(try run("history", "--units", "imperial").stdout.contains("48.7°F  Clear sky"))
    }

    @Test func anEmptyHistorySaysSoToThePersonNotToTheScript() throws {
        let empty = try run("history")
        #expect(empty.status == 0)
        #expect(empty.stdout == "")
        #expect(empty.stderr == "meteo: No records yet: keep one with `meteo record PLACE`, or r on the screen.\n")
        _ = try recordedID(try run("record", "Paris"))
        #expect(try run("history", "--place", "Oslo").stderr == "meteo: No records match.\n")
    }

    @Test func recordJSONHasTheWireShape() throws {
        let output = try run("record", "Paris", "--json")
        #expect(output.status == 0)
        let record = try json(output.stdout)
        #expect(WeatherRecord.isValidID(record["id"] as? String ?? ""))
        let place = try #require(record["place"] as? [String: Any])
        #expect(place["name"] as? String == "Paris")
        #expect(place["country_code"] as? String == "FR")
        #expect(record["observed_at"] as? String == "2026-11-27T13:15:00Z")
        #expect(record["provider"] as? String == "open-meteo")
        #expect(record["temperature"] as? Double == 9.3)
        #expect(record["pressure"] as? Double == 1016.3)
        #expect(record["deleted_at"] is NSNull)
    }

    @Test func historyPagesFiltersAndSaysWhereToContinue() throws {
        var ids: [String] = []
        // Five observations (one place recorded twice would be kept once)
        for place in ["Paris", "London", "Springfield", "Tokyo", "São Paulo"] {
            ids.append(try recordedID(try run("record", place)))
        }
        let first = try json(try run("history", "--limit", "2", "--json").stdout)
        let firstPage = try #require(first["records"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        #expect(firstPage == [ids[4], ids[3]])
        let next = try #require(first["next"] as? String)
        let second = try json(try run("history", "--limit", "2", "--before", String(next.prefix(8)), "--json").stdout)
        #expect(
            try #require(second["records"] as? [[String: Any]]).compactMap { $0["id"] as? String } == [ids[2], ids[1]])
        let last = try json(try run("history", "--limit", "2", "--before", ids[1], "--json").stdout)
        #expect(last["next"] is NSNull)
        #expect(try run("history", "--place", "PAR").stdout.split(separator: "\n").count == 1)
        #expect(try run("history", "--place", "s").stdout.split(separator: "\n").count == 2)
        #expect(try run("history", "--place", "zzz").stdout == "")
    }

    @Test func theSameObservationIsKeptOnceAndSaysSo() throws {
        // Given Paris recorded
        let first = try recordedID(try run("record", "Paris"))
        // When the same answer is recorded again
        let again = try run("record", "Paris")
        // Then nothing is added, the kept record's id is printed, and stderr says why
        #expect(again.status == 0)
        #expect(again.stdout == first + "\n")
        #expect(
            again.stderr
                == "meteo: warning: Already kept: this observation is record \(first.prefix(8)); nothing added.\n")
        #expect(try SQLiteRecordStore(path: cli.storePath).count(placePrefix: nil) == 1)
    }

    @Test func anOfflineResultIsKeptAsWhatItIs() throws {
        // Given Paris kept online at 13:20 UTC (a fixed clock)
        let kept = try recordedID(try run("record", "Paris", env: ["METEO_NOW": "2026-11-27T13:20:00Z"]))
        let gone = try FixtureServer { _ in .close }
        gone.stop()
        func offline(_ now: String) -> [String: String] {
            [
                "METEO_NOW": now, "METEO_GEOCODING_URL": gone.baseURL, "METEO_FORECAST_URL": gone.baseURL,
                "METEO_AIR_QUALITY_URL": gone.baseURL,
            ]
        }
        // When the network is gone: the same answer again is the same observation, already kept
        let again = try run("record", "Paris", env: offline("2026-11-27T13:25:00Z"))
        #expect(again.status == 0)
        #expect(again.stdout == kept + "\n")
        #expect(again.stderr.contains("Already kept: this observation is record \(kept.prefix(8)); nothing added."))
        // When three hours have passed offline: what the forecast said for 17:00 local is kept, marked offline
        let later = try run("record", "Paris", env: offline("2026-11-27T16:20:00Z"))
        #expect(later.status == 0)
        #expect(
            later.stderr.hasPrefix(
                "meteo: warning: Cannot connect to 127.0.0.1: the network is down or the service is not running. "
                    + "Recording the result from 13:20 (3 h ago), kept as an offline result.\n"))
        let id = try recordedID(later)
        let record = try SQLiteRecordStore(path: cli.storePath).record(idPrefix: id)
        #expect(record.keptOffline)
        #expect(record.observedAt == Date(timeIntervalSince1970: 1_795_795_200))  // 16:00 UTC, the forecast hour
        // And history and show say so, with the observation time
        let history = try run("history")
        #expect(history.stdout.contains("(offline result, observed 2026-11-27 16:00)"))
        let shown = try run("show", id)
        #expect(shown.stdout.contains("Kept from an offline result · the last answer, from the cache"))
        #expect(try json(try run("show", id, "--json").stdout)["kept_offline"] as? Bool == true)
        // And a record kept online is not marked
        #expect(try json(try run("show", kept, "--json").stdout)["kept_offline"] as? Bool == false)
    }

    @Test func showPrintsTheRecordAsKeptAndAsJSON() throws {
        // Given Paris kept (observed 13:15 UTC, Europe/Paris)
        let id = try recordedID(try run("record", "Paris"))
        // When it is shown by a start of its id: the kept mark, the place, both clocks, the values
        let text = try run("show", String(id.prefix(8)))
        #expect(text.status == 0)
        let lines = text.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "▣ Kept record, not live weather")
        #expect(lines.dropFirst().first == "Paris, Île-de-France, France (FR)")
        #expect(lines.contains("Observed 14:15 at the place (UTC+01:00) · 27 Nov 2026 13:15 your time"))
        #expect(lines.contains { $0.hasPrefix("Kept ") && $0.hasSuffix(" · Open-Meteo · id \(id.prefix(8))") })
        #expect(lines.contains("9.3°C · feels like 6.9°C"))
        // As JSON: the export shape
        let json = try json(try run("show", id, "--json").stdout)
        #expect(json["id"] as? String == id)
        #expect(json["observed_at"] as? String == "2026-11-27T13:15:00Z")
        // An unknown id: one line, exit 3
        let missing = try run("show", "ffffffff")
        #expect(missing.status == 3)
        #expect(missing.stderr == "meteo: No record with id 'ffffffff'. See `meteo history` for ids.\n")
    }

    @Test func deleteByPrefixAndUndo() throws {
        let first = try recordedID(try run("record", "Paris"))
        _ = try recordedID(try run("record", "London"))

        let deleted = try run("delete", String(first.prefix(6)))
        #expect(deleted.status == 0)
        #expect(deleted.stdout.hasPrefix("Deleted \(first.prefix(8))"))
        #expect(!(try run("history").stdout.contains("Paris")))

        let again = try run("delete", first)
        #expect(again.status == 3)
        #expect(again.stderr == "meteo: No record with id '\(first)'. See `meteo history` for ids.\n")

        let undo = try run("undo")
        #expect(undo.stdout.hasPrefix("Restored \(first.prefix(8))"))
        #expect(try run("history").stdout.contains("Paris"))
        #expect(try run("undo").stdout == "Nothing to undo.\n")
        #expect(try run("delete", "0123abcd").status == 3)
        #expect(try run("delete", "").status == 3)
    }

    @Test func exportImportRoundTripsExactlyInBothFormats() throws {
        for place in ["Paris", "São Paulo", "Tokyo"] { _ = try recordedID(try run("record", place)) }
        let victim = try recordedID(try run("record", "London"))
        #expect(try run("delete", victim).status == 0)
        let exported = try run("export")
        let csv = try run("export", "--csv")
        #expect(csv.stdout.split(separator: "\n").count == 5)

        for (format, text) in [("json", exported.stdout), ("csv", csv.stdout)] {
            let other = cli.home.path + "/other-\(format)"
            let file = cli.home.path + "/backup.\(format)"
            try text.write(toFile: file, atomically: true, encoding: .utf8)
            let imported = try run("import", file, env: ["METEO_DATA_DIR": other])
            #expect(imported.stdout == "Imported 4 records (0 already there).\n")
            #expect(try run("export", env: ["METEO_DATA_DIR": other]).stdout == exported.stdout, "\(format) round trip")
            #expect(
                try run("import", file, env: ["METEO_DATA_DIR": other]).stdout
                    == "Imported 0 records (4 already there).\n")
        }
        let fromStandardInput = try run(
            "import", "-", env: ["METEO_DATA_DIR": cli.home.path + "/stdin"], input: exported.stdout)
        #expect(fromStandardInput.stdout == "Imported 4 records (0 already there).\n")
    }

    @Test func aBadImportFileChangesNothing() throws {
        _ = try recordedID(try run("record", "Paris"))
        let exported = try run("export").stdout
        let broken = exported.replacingOccurrences(of: "\"latitude\" : 48.8534", with: "\"latitude\" : 123")
        let file = cli.home.path + "/broken.json"
        try broken.replacingOccurrences(of: "\"id\" : \"", with: "\"id\" : \"f").write(
            toFile: file, atomically: true, encoding: .utf8)
        let output = try run("import", file)
        #expect(output.status == 64)
        #expect(output.stderr.hasPrefix("meteo: '\(file)': Invalid record: record 1: "))
        #expect(try run("history").stdout.split(separator: "\n").count == 1)
        try "not,a,meteo,file\n1,2,3,4\n".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try run("import", file).status == 64)
        // A missing file, a folder and an empty file each say what they are
        let missing = try run("import", cli.home.path + "/missing.json")
        #expect(missing.status == 64)
        #expect(missing.stderr == "meteo: Cannot read '\(cli.home.path)/missing.json': no such file.\n")
        let folder = try run("import", cli.home.path)
        #expect(folder.status == 64)
        #expect(folder.stderr == "meteo: '\(cli.home.path)' is a folder, not an export file.\n")
        try "".write(toFile: file, atomically: true, encoding: .utf8)
        let empty = try run("import", file)
        #expect(empty.status == 64)
        #expect(empty.stderr == "meteo: '\(file)' is empty: nothing to import.\n")
        let nothing = try run("import", "-", input: "")
        #expect(nothing.status == 64)
        #expect(nothing.stderr == "meteo: Standard input is empty: nothing to import.\n")
        #expect(try run("history").stdout.split(separator: "\n").count == 1)
    }

    // MARK: stores that cannot be used: one line, exit 6, file untouched

    @Test func unusableStoresGiveOneLineAndLeaveTheFileAlone() throws {
        try FileManager.default.createDirectory(atPath: cli.dataDirectory, withIntermediateDirectories: true)
        try Data("my notes, not a database\n".utf8).write(to: URL(fileURLWithPath: cli.storePath))
        let notSQLite = try run("record", "Paris")
        #expect(notSQLite.status == 6)
        #expect(
            notSQLite.stderr
                == "meteo: \(cli.storePath) is not a meteo record store; it was left untouched. Move it away or set METEO_DATA_DIR.\n"
        )
        #expect(try String(contentsOfFile: cli.storePath, encoding: .utf8) == "my notes, not a database\n")
        #expect(cli.server.requests.isEmpty, "no network call before the store is known to work")

        try FileManager.default.removeItem(atPath: cli.storePath)
        try FileManager.default.createDirectory(atPath: cli.storePath, withIntermediateDirectories: true)
        let folder = try run("history")
        #expect(folder.status == 6)
        #expect(folder.stderr == "meteo: Cannot open the record store \(cli.storePath): it is a folder.\n")
    }

    @Test func permissionsAreReportedForAnotherUser() throws {
        // Root ignores file modes, so these run meteo as `nobody`.
        _ = try recordedID(try run("record", "Paris"))
        for folder in [cli.home.path, cli.home.path + "/.local", cli.home.path + "/.local/share", cli.dataDirectory] {
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder)
        }
        for file in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: cli.storePath + file) {
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: cli.storePath + file)
        }
        let asNobody = ChildProcess(path: "/usr/sbin/runuser")
        let readOnly = try asNobody.run(
            ["-u", "nobody", "--", cli.meteo.path, "history"],
            environment: cli.environment(["METEO_DATA_DIR": cli.dataDirectory]))
        #expect(readOnly.status == 6)
        #expect(readOnly.stderr == "meteo: The record store \(cli.storePath) is read-only: check its permissions.\n")

        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: cli.storePath)
        let unreadable = try asNobody.run(
            ["-u", "nobody", "--", cli.meteo.path, "history"],
            environment: cli.environment(["METEO_DATA_DIR": cli.dataDirectory]))
        #expect(unreadable.status == 6)
        #expect(unreadable.stderr == "meteo: Cannot open the record store \(cli.storePath): permission denied.\n")
    }

    @Test func aFullDiskIsOneLineAndLosesNothing() throws {
        let kept = try recordedID(try run("record", "Paris"))
        // Any write past 1 KiB fails with EFBIG (SIGXFSZ ignored): what a full disk looks like to SQLite.
        let shell = ChildProcess(path: "/bin/bash")
        let full = try shell.run(
            ["-c", "trap '' XFSZ; ulimit -f 1; exec \"$0\" record London", cli.meteo.path],
            environment: cli.environment())
        #expect(full.status == 6)
        #expect(full.stderr == "meteo: No space left to write \(cli.storePath): free some disk space and try again.\n")
        let history = try run("history")
        #expect(history.stdout.split(separator: "\n").count == 1)
        #expect(history.stdout.hasPrefix(String(kept.prefix(8))))
    }

    // MARK: durability and concurrency

    /// SIGKILL (a power cut, the OOM killer) at each point of keeping a record that the program reaches: before
    /// the commit, after it, and after the id is printed (`FaultPoint`, compiled into test builds only).
    @Test(arguments: [("store.add", false), ("store.added", true), ("record.printed", true)])
    func killedAtEachPointNothingReportedIsLost(point: String, kept: Bool) throws {
        // Given a store that holds one record
        let first = try recordedID(try run("record", "Paris"))

        // When meteo dies at that point of keeping another
        let killed = try run("record", "Springfield, MO", env: ["METEO_FAULT_KILL_AT": point])
        #expect(killed.status == SIGKILL, "\(point): \(killed.stderr)")

        // Then what it printed is kept, what it committed is kept, and the store is sound and usable
        let printed = killed.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let store = try SQLiteRecordStore(path: cli.storePath)
        let ids = try store.allRecords().map(\.id)
        #expect(ids.count == (kept ? 2 : 1), "\(point)")
        #expect(ids.contains(first))
        #expect(printed.isEmpty || ids.contains(printed), "\(point): printed \(printed) and lost it")
        #expect((point == "record.printed") == !printed.isEmpty)
        #expect(try store.integrityCheck() == "ok")
        let again = try run("record", "Springfield, MO")
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try store.allRecords().count == 2)
    }

    @Test func killedInTheMiddleOfManyWritesEveryCommittedRecordSurvives() throws {
        let writer = try ChildProcess.builtProduct("meteo-store-writer")
        try FileManager.default.createDirectory(atPath: cli.dataDirectory, withIntermediateDirectories: true)
        let seed = TestSeed.make()
        var generator = SplitMix(state: seed)
        var reported: [String] = []
        for round in 0..<5 {
            // Killed inside the transaction of its K-th record, K anywhere in the first few hundred
            let fatal = 1 + Int(generator.next() % 400)
            let run = try ChildProcess(path: writer).run(
                [cli.storePath, "100000", String(round)],
                environment: ["METEO_FAULT_KILL_AT": "store.add@\(fatal)", "PATH": "/usr/bin:/bin"])
            #expect(run.status == SIGKILL, "\(run.stderr)")
            let printed = run.stdout.split(separator: "\n").map(String.init).filter(WeatherRecord.isValidID)
            #expect(printed.count == fatal - 1, "\(TestSeed.describe(seed))")
            reported += printed
        }
        let store = try SQLiteRecordStore(path: cli.storePath)
        let kept = try store.allRecords().map(\.id)
        #expect(Set(kept) == Set(reported), "\(TestSeed.describe(seed))")
        #expect(try store.integrityCheck() == "ok")
    }

    @Test func twoWritersAtOnceBothSucceedInFull() throws {
        let writer = try ChildProcess.builtProduct("meteo-store-writer")
        try FileManager.default.createDirectory(atPath: cli.dataDirectory, withIntermediateDirectories: true)
        let processes = try (0..<2).map { index -> (Process, Pipe, Pipe) in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: writer)
            process.arguments = [cli.storePath, "1000", String(index)]
            let out = Pipe()
            let err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            return (process, out, err)
        }
        var ids: [String] = []
        for (process, out, err) in processes {
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            #expect(errors == "")
            ids += text.split(separator: "\n").map(String.init)
        }
        let store = try SQLiteRecordStore(path: cli.storePath)
        #expect(ids.count == 2000)
        #expect(try store.count(placePrefix: nil) == 2000)
        #expect(Set(try store.allRecords().map(\.id)) == Set(ids))
    }

    @Test func concurrentMeteoRecordsNeverReportALockedDatabase() throws {
        let group = DispatchGroup()
        let results = Results()
        for index in 0..<12 {
            DispatchQueue(label: "meteo.test.writer.\(index)").async(group: group) {
                // Twelve places, so twelve observations
                let output = try? cli.meteo.run(
                    ["record", "--lat", String(10 + index), "--lon", "20"], environment: cli.environment())
                results.append(output)
            }
        }
        group.wait()
        let outputs = results.all
        #expect(outputs.count == 12)
        #expect(outputs.allSatisfy { $0?.status == 0 && $0?.stderr == "" })
        #expect(try SQLiteRecordStore(path: cli.storePath).count(placePrefix: nil) == 12)
    }

    /// Outputs collected from several threads.
    final class Results: @unchecked Sendable {
        // Guarded by `lock`.
        private var items: [ChildProcess.Output?] = []
        private let lock = NSLock()

        func append(_ item: ChildProcess.Output?) { lock.withLock { items.append(item) } }
        var all: [ChildProcess.Output?] { lock.withLock { items } }
    }
}

/// `meteo trend`: what the records at a place say, from the store alone.
@Suite struct TrendCommandLineTests: MeteoCommandLineSuite {
    let cli: MeteoHarness

    init() throws { cli = try MeteoHarness() }

    /// A CSV export of `count` Paris records a day apart from 1 Jan 2026, every fifth in Paris, Texas; the
    /// temperature is the day's number modulo 30, less 4.5, so the warmest and coldest are known.
    func importRecords(_ count: Int) throws {
        var lines = [
            "id,place_name,admin1,country,country_code,latitude,longitude,timezone,observed_at,recorded_at,provider,"
                + "temperature,apparent_temperature,weather_code,wind_speed,wind_direction,humidity,pressure,"
                + "precipitation,units,deleted_at,kept_offline"
        ]
        let start = Date(timeIntervalSince1970: 1_767_268_800)  // 2026-01-01T12:00:00Z
        for day in 0..<count {
            let time = CivilTime.rfc3339(start.addingTimeInterval(Double(day) * 86_400))
            let place =
                day % 5 == 4
                ? "Paris,Texas,United States,US,33.6609,-95.5555,America/Chicago"
                : "Paris,Île-de-France,France,FR,48.8534,2.3488,Europe/Paris"
            let id = String(format: "%08x-0000-4000-8000-%012x", day, day)
            lines.append(
                "\(id),\(place),\(time),\(time),open-meteo,\(Double(day % 30) - 4.5),,3,10,200,70,1015,0,metric,,false")
        }
        let file = cli.home.path + "/records.csv"
        try (lines.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try run("import", file).status == 0)
    }

    @Test func aChartAndTheComparisons() throws {
        try importRecords(100)
        let output = try run("trend", "Paris")
        #expect(output.status == 0)
        let lines = output.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "Paris, Île-de-France, FR: 80 records kept, 1 Jan 2026 – 9 Apr 2026")
        // Four rows of blocks under the warmest mean, over the coldest, then the first and last dates
        #expect(lines[2].hasPrefix("24°   "))
        #expect(lines[5].hasPrefix("-4°   "))
        #expect(lines[6].hasPrefix("      1 Jan 2026"))
        #expect(lines[6].hasSuffix("9 Apr 2026"))
        #expect(lines.contains("Latest: 3.5°C on 9 Apr 2026, 1.0° warmer than your record before it (24 h before)"))
        #expect(lines.contains("Warmest kept: 23.5°C on 30 Mar 2026 · Coldest kept: -4.5°C on 1 Apr 2026"))
        // Narrowed by what follows a comma, as `meteo now` is; in French; in °F
        let texas = try run("trend", "Paris, TX", "--lang", "fr", "--units", "imperial")
        #expect(texas.stdout.hasPrefix("Paris, Texas, US : 20 relevés conservés, du 5 janv. 2026 au 10 avr. 2026\n"))
        #expect(
            texas.stdout.contains(
                "Dernier : 40,1 °F le 10 avr. 2026, 9,0° de plus que le relevé d’avant (5 jours avant)"))
    }

    @Test func jsonDaysAndNothingKept() throws {
        try importRecords(100)
        let report = try json(
            try run("trend", "Paris", "--json", "--days", "10", env: ["METEO_NOW": "2026-04-10T12:00:00Z"]).stdout)
        #expect(report["count"] as? Double == 8)
        #expect((report["latest"] as? [String: Any])?["temperature"] as? Double == 3.5)
        #expect(report["difference"] as? Double == 1)
        #expect((report["place"] as? [String: Any])?["country_code"] as? String == "FR")
        #expect(((report["buckets"] as? [[String: Any]])?.count ?? 0) == 8)
        let nothing = try run("trend", "Atlantis")
        #expect(nothing.status == 3)
        #expect(nothing.stderr.hasPrefix("meteo: No kept records for 'Atlantis'"))
        #expect(try run("trend", "Paris", "--days", "0").status == 64)
        #expect(try run("trend").status == 64)
    }
}
