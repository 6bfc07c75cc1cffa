import Foundation
import Testing
import WeatherTestSupport

/// What a shell gets from meteo: completion scripts that complete (bash's own `compgen` drives them), manual
/// pages that mandoc's lint passes, and `make install` / `make uninstall` into a prefix of a test's own.
@Suite struct ShellIntegrationTests {
    let cli: MeteoHarness

    init() throws { cli = try MeteoHarness() }

    /// The folder of the built binaries, put first on PATH as an installed meteo would be.
    var binaries: String { URL(fileURLWithPath: cli.meteo.path).deletingLastPathComponent().path }

    var packageRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }

    func shell(_ program: String, _ script: String) throws -> ChildProcess.Output {
        try ChildProcess(path: program).run(
            ["-c", script], environment: cli.environment(["PATH": binaries + ":/usr/bin:/bin"]))
    }

    @Test func bashCompletesCommandsOptionsValuesAndRecordIDs() throws {
        let kept = try cli.run(["record", "Paris"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(kept.count == 36)
        let script = try cli.run(["completions", "bash"]).stdout
        let file = cli.home.path + "/meteo.bash"
        try script.write(toFile: file, atomically: true, encoding: .utf8)
        let cases: [([String], String)] = [
            (
                ["meteo", ""],
                "tui now search record history delete show trend undo export import sync login logout completions manpage"
            ),
            (["meteo", "hi"], "history"),
            (["meteo", "now", "--un"], "--units"),
            (["meteo", "now", "--units", ""], "metric imperial"),
            (["meteo", "now", "--lang", "f"], "fr"),
            (["meteo", "now", "--format", ""], "plain oneline json"),
            (["meteo", "export", "--"], "--json --csv --help"),
            (["meteo", "delete", ""], kept),
            (["meteo", "show", String(kept.prefix(3))], kept),
            (["meteo", "completions", ""], "bash zsh fish"),
        ]
        for (words, expected) in cases {
            let array = words.map { "'\($0)'" }.joined(separator: " ")
            let run = try shell(
                "/bin/bash",
                "source '\(file)'; COMP_WORDS=(\(array)); COMP_CWORD=\(words.count - 1); _meteo; echo \"${COMPREPLY[*]}\""
            )
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout == expected + "\n", "\(words)")
        }
    }

    @Test func zshAndFishScriptsParse() throws {
        for (shell, check) in [("zsh", ["/usr/bin/zsh", "-n"]), ("fish", ["/usr/bin/fish", "--no-execute"])] {
            let file = cli.home.path + "/meteo." + shell
            try cli.run(["completions", shell]).stdout.write(toFile: file, atomically: true, encoding: .utf8)
            let run = try ChildProcess(path: check[0]).run([check[1], file], environment: cli.environment())
            #expect(run.status == 0, "\(shell): \(run.stderr)")
        }
        let fish = try cli.run(["completions", "fish"]).stdout
        #expect(fish.contains("complete -c meteo -n '__fish_seen_subcommand_from now' -l units"))
        #expect(fish.contains("-a 'metric imperial'"))
    }

    @Test func manualPagesPassMandocsLintAndNameEveryCommand() throws {
        for program in ["meteo", "meteo-records"] {
            let page = try ChildProcess(path: binaries + "/" + program).run(["manpage"], environment: cli.environment())
            #expect(page.status == 0)
            let file = cli.home.path + "/" + program + ".1"
            try page.stdout.write(toFile: file, atomically: true, encoding: .utf8)
            let lint = try ChildProcess(path: "/usr/bin/mandoc").run(
                ["-T", "lint", file], environment: cli.environment())
            #expect(lint.status == 0 && lint.stdout.isEmpty && lint.stderr.isEmpty, "\(program): \(lint.stdout)")
            #expect(page.stdout.utf8.allSatisfy { $0 < 0x80 })
        }
        let meteo = try cli.run(["manpage"]).stdout
        for command in ["now", "search", "record", "history", "delete", "show", "undo", "export", "import", "sync"] {
            #expect(meteo.contains(".SS meteo \(command)\n"), "\(command)")
        }
        #expect(meteo.contains("METEO_RECORDS_TOKEN"))
        #expect(meteo.contains(".SH EXIT STATUS"))
    }

    @Test func makeInstallThenUninstallLeaveNothingBehind() throws {
        let prefix = cli.home.path + "/prefix"
        let make = ChildProcess(path: "/usr/bin/make")
        let environment = cli.environment(["PATH": "/usr/bin:/bin"])
        let install = try make.run(
            ["-s", "-C", packageRoot, "install", "PREFIX=" + prefix, "BIN=" + binaries], environment: environment)
        #expect(install.status == 0, "\(install.stderr)")
        let files = [
            "bin/meteo", "bin/meteo-records", "share/man/man1/meteo.1", "share/man/man1/meteo-records.1",
            "share/bash-completion/completions/meteo", "share/zsh/site-functions/_meteo",
            "share/fish/vendor_completions.d/meteo.fish",
        ]
        for file in files { #expect(FileManager.default.fileExists(atPath: prefix + "/" + file), "\(file)") }
        #expect(FileManager.default.isExecutableFile(atPath: prefix + "/bin/meteo"))
        let version = try ChildProcess(path: prefix + "/bin/meteo").run(["--version"], environment: environment)
        #expect(version.status == 0 && !version.stdout.isEmpty)
        let uninstall = try make.run(
            ["-s", "-C", packageRoot, "uninstall", "PREFIX=" + prefix], environment: environment)
        #expect(uninstall.status == 0, "\(uninstall.stderr)")
        let left =
            FileManager.default.enumerator(atPath: prefix)?.compactMap { $0 as? String }
            .filter {
                !((try? FileManager.default.attributesOfItem(atPath: prefix + "/" + $0)[.type]) as? FileAttributeType
                    == .typeDirectory)
            } ?? []
        #expect(left.isEmpty, "left behind: \(left)")
    }
}
