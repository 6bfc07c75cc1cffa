import CTestSupport
import Foundation
import Glibc

/// A real terminal for end-to-end tests: a detached tmux session on a private server socket.
public final class TmuxSession: Sendable {
    public let socket: String

    /// Starts `command` (run by `sh -c`) in a new session of the given size; the pane stays after exit.
    /// - Throws: when tmux cannot start.
    public init(command: String, width: Int = 100, height: Int = 30) throws {
        socket = "meteo-test-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        // The server that new-session starts would hold an output pipe open forever: no pipe for it.
        try tmux(
            ["-f", "/dev/null", "new-session", "-d", "-x", String(width), "-y", String(height), command], output: false)
        try tmux(["set-option", "-g", "remain-on-exit", "on"])
    }

    deinit { _ = try? tmux(["kill-server"]) }

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

    /// The exit status of a program started with `TmuxSession.reportingExit(_:)`, once it has exited:
    /// the shell around it prints `meteo-exit=N` on the restored screen.
    public var exitStatus: Int32? {
        for line in capture() {
            guard let range = line.range(of: "meteo-exit=") else { continue }
            return Int32(line[range.upperBound...].trimmingCharacters(in: .whitespaces))
        }
        return nil
    }

    /// `command` run by a shell that reports its exit status when it ends.
    public static func reportingExit(_ command: String) -> String {
        "/bin/sh -c '\(command); echo meteo-exit=$?'"
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

    /// Runs tmux on this session's socket (see `Spawn` for why not Process).
    @discardableResult
    private func tmux(_ arguments: [String], output: Bool = true) throws -> String {
        let (status, text) = try Spawn.run("/usr/bin/tmux", ["-L", socket] + arguments)
        guard status == 0 else { throw POSIXError(.EIO) }
        return output ? text : ""
    }
}
