import CTestSupport
import Foundation
import Glibc

/// A real terminal for end-to-end tests: a detached tmux session on a server socket of its own.
///
/// The program runs in a clean environment read from a file only its owner can read, so a secret such as a service
/// token never appears on a command line (`ps` shows tmux's arguments to every user). The session ends its server
/// and every process in its pane when it goes, before its folder (holding the socket) is removed.
public final class TmuxSession: Sendable {
    /// The server's socket, inside this session's folder.
    public let socket: String
    private let folder: TemporaryDirectory
    private let serverPID: Int32?

    /// Starts `program arguments…` with exactly `environment` in a new session of the given size. The pane stays
    /// after the program exits and shows `meteo-exit=N` (see `exitStatus`).
    /// - Throws: when tmux cannot start.
    public init(
        program: String, arguments: [String] = [], environment: [String: String], width: Int = 100,
        height: Int = 30
    ) throws {
        folder = try TemporaryDirectory()
        socket = folder.path + "/tmux"
        let environmentFile = folder.path + "/environment"
        let script = folder.path + "/run.sh"
        try Self.write(
            TestRun.marked(environment).sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quoted($0.value))\n" }
                .joined(),
            to: environmentFile, mode: 0o600)
        // `set -a` exports what the file assigns; only the file's path is on a command line.
        let line =
            (["env", "-i", "/bin/sh", "-c", "set -a; . \"$0\"; exec \"$@\"", environmentFile, program] + arguments)
            .map(Self.quoted).joined(separator: " ")
        try Self.write("\(line)\necho meteo-exit=$?\n", to: script, mode: 0o700)
        // The server that new-session starts would hold an output pipe open forever: no pipe for it.
        _ = try Self.tmux(
            socket,
            ["-f", "/dev/null", "new-session", "-d", "-x", String(width), "-y", String(height), "/bin/sh " + script],
            output: false)
        _ = try? Self.tmux(socket, ["set-option", "-g", "remain-on-exit", "on"])
        serverPID = (try? Self.tmux(socket, ["display-message", "-p", "#{pid}"]))
            .flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    deinit {
        // Whatever the test's outcome: the pane's processes, then the server, by signal if tmux cannot be asked.
        let panes = ((try? Self.tmux(socket, ["list-panes", "-a", "-F", "#{pane_pid}"])) ?? "")
            .split(whereSeparator: \.isNewline).compactMap { Int32($0) }
        for pane in panes where pane > 1 { Glibc.kill(-pane, SIGKILL) }
        _ = try? Self.tmux(socket, ["kill-server"])
        if let serverPID, serverPID > 1 {
            Glibc.kill(serverPID, SIGKILL)
            var waits = 0
            while Self.isAlive(serverPID) && waits < 200 {
                usleep(10_000)
                waits += 1
            }
        }
    }

    /// The screen as text, one string per row.
    public func capture() -> [String] {
        ((try? tmux(["capture-pane", "-p"])) ?? "").components(separatedBy: "\n")
    }

    public func send(_ keys: String...) throws { try tmux(["send-keys"] + keys) }

    /// Types `text` literally.
    public func type(_ text: String) throws { try tmux(["send-keys", "-l", text]) }

    public func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-x", String(width), "-y", String(height)])
    }

    /// The program's exit status once it has exited: the shell around it prints `meteo-exit=N` on the restored
    /// screen.
    public var exitStatus: Int32? {
        for line in capture() {
            guard let range = line.range(of: "meteo-exit=") else { continue }
            return Int32(line[range.upperBound...].trimmingCharacters(in: .whitespaces))
        }
        return nil
    }

    /// The pid of the program the pane's shell runs.
    public var programPID: Int32? {
        guard
            let shell = Int32(
                (try? tmux(["display-message", "-p", "#{pane_pid}"]))?
                    .trimmingCharacters(in: .whitespacesAndNewlines) ?? "")
        else { return nil }
        let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        return children.split(separator: " ").first.flatMap { Int32($0) }
    }

    /// Polls the screen until `condition` holds; `false` after `timeout` seconds.
    @discardableResult
    public func waitFor(timeout: Double = 10, _ condition: ([String]) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition(capture()) { return true }
            usleep(30_000)
        }
        return condition(capture())
    }

    /// Polls until the screen shows `text` somewhere.
    @discardableResult
    public func waitFor(text: String, timeout: Double = 10) -> Bool {
        waitFor(timeout: timeout) { $0.contains { $0.contains(text) } }
    }

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String { try Self.tmux(socket, arguments) }

    /// Runs tmux on `socket` (see `Spawn` for why not Process).
    private static func tmux(_ socket: String, _ arguments: [String], output: Bool = true) throws -> String {
        let (status, text) = try Spawn.run("/usr/bin/tmux", ["-S", socket] + arguments)
        guard status == 0 else { throw POSIXError(.EIO) }
        return output ? text : ""
    }

    /// Whether `pid` is a live process (not a zombie waiting for its parent).
    private static func isAlive(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return false }
        return stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).first != "Z"
    }

    /// `text` in single quotes for sh.
    static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    private static func write(_ text: String, to path: String, mode: mode_t) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw POSIXError(.EIO) }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        guard bytes.withUnsafeBytes({ Glibc.write(descriptor, $0.baseAddress, $0.count) }) == bytes.count else {
            throw POSIXError(.EIO)
        }
    }
}
