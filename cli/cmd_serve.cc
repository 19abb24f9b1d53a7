// parley serve: the store over HTTP/1.1 and JSON (the endpoints: cli/http_server.h).
//
//   parley serve [--db DIR] [--listen 127.0.0.1:7474] [--token-file F] [--read-only]
//                [--timeout S] [--max-memory MB] [--max-rows N] [--max-body BYTES]
//                [--max-export BYTES]
//
// It listens on loopback unless told otherwise, and refuses to listen on any other address
// without a token, which every request then needs (writes always do). The store is opened
// once, for writing unless --read-only, so no other process writes to it while it serves.
// SIGTERM or SIGINT (Ctrl-C) stops it: the requests in flight are answered, the store is
// closed (flushed, as every writing command leaves it), and it exits 0.
#include <arpa/inet.h>
#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <charconv>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "cli/commands.h"
#include "cli/http_server.h"
#include "cli/open_store.h"
#include "cli/query_limits.h"

namespace parley::cli {
namespace {

// Reads --listen HOST:PORT ([::1]:PORT for IPv6). The host must be an IP address or
// "localhost", so that whether it is loopback is known, not resolved.
Status ParseListen(const std::string& text, ServeOptions* opt) {
  std::string host, port;
  if (!text.empty() && text[0] == '[') {
    size_t close = text.find(']');
    if (close == std::string::npos || close + 1 >= text.size() || text[close + 1] != ':')
      return Status::Usage("--listen takes HOST:PORT or [IPV6]:PORT (got '" + text + "')");
    host = text.substr(1, close - 1);
    port = text.substr(close + 2);
  } else {
    size_t colon = text.rfind(':');
    if (colon == std::string::npos || text.find(':') != colon)
      return Status::Usage("--listen takes HOST:PORT or [IPV6]:PORT (got '" + text + "')");
    host = text.substr(0, colon);
    port = text.substr(colon + 1);
  }
  int p = -1;
  auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), p);
  if (ec != std::errc() || end != port.data() + port.size() || p < 0 || p > 65535)
    return Status::Usage("--listen: '" + port + "' is not a port number (0 to 65535)");
  opt->port = p;
  if (host == "localhost") host = "127.0.0.1";
  unsigned char addr[16];
  if (inet_pton(AF_INET, host.c_str(), addr) == 1) {
    opt->loopback = addr[0] == 127;
  } else if (inet_pton(AF_INET6, host.c_str(), addr) == 1) {
    static const unsigned char kLoopback6[16] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
    opt->loopback = std::equal(addr, addr + 16, kLoopback6);
  } else {
    return Status::Usage("--listen: '" + host + "' is not an IP address (or localhost)");
  }
  opt->host = host;
  return Status::OK();
}

// The token of --token-file: its first line, without surrounding blanks.
Status ReadToken(const std::string& path, std::string* token) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot read --token-file " + path);
  std::string line;
  std::getline(in, line);
  size_t b = line.find_first_not_of(" \t\r");
  size_t e = line.find_last_not_of(" \t\r");
  *token = b == std::string::npos ? "" : line.substr(b, e - b + 1);
  if (token->empty()) return Status::InvalidInput(path + ": the token file is empty");
  for (char c : *token) {
    if (c <= 0x20 || c == 0x7f)
      return Status::InvalidInput(path + ": the token has a blank or control character");
  }
  return Status::OK();
}

Status CountFlag(const Args& args, const std::string& flag, uint64_t* value) {
  if (!args.Has(flag)) return Status::OK();
  std::string text = args.Get(flag);
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *value);
  if (ec != std::errc() || end != text.data() + text.size())
    return Status::Usage(flag + " takes a whole number (got '" + text + "')");
  return Status::OK();
}

}  // namespace

Status Serve(const Args& args) {
  if (!args.positional().empty())
    return Status::Usage("unexpected argument '" + args.positional()[0] + "'");
  ServeOptions opt;
  PARLEY_RETURN_IF_ERROR(ParseListen(args.Get("--listen", "127.0.0.1:7474"), &opt));
  if (args.Has("--token-file"))
    PARLEY_RETURN_IF_ERROR(ReadToken(args.Get("--token-file"), &opt.token));
  if (!opt.loopback && opt.token.empty()) {
    return Status::Usage("--listen " + args.Get("--listen") +
                         " is not a loopback address: give --token-file, whose token every "
                         "request must then carry");
  }
  opt.read_only = args.Has("--read-only");
  PARLEY_RETURN_IF_ERROR(QueryLimitsFromArgs(args, /*interactive=*/false, &opt.limits));
  PARLEY_RETURN_IF_ERROR(CountFlag(args, "--max-rows", &opt.max_rows));
  uint64_t max_body = opt.max_body_bytes;
  PARLEY_RETURN_IF_ERROR(CountFlag(args, "--max-body", &max_body));
  if (max_body == 0) return Status::Usage("--max-body must be at least 1 byte");
  opt.max_body_bytes = max_body;
  uint64_t max_export = opt.max_export_bytes;
  PARLEY_RETURN_IF_ERROR(CountFlag(args, "--max-export", &max_export));
  if (max_export == 0) return Status::Usage("--max-export must be at least 1 byte");
  opt.max_export_bytes = max_export;
  opt.db_dir = DatabasePath(args);

  // SIGTERM and SIGINT go to one thread, which stops the server; every other thread (the
  // store's background threads and the server's workers, all made after this) has them
  // blocked. SIGPIPE from a client gone is an error of that write, not the end of the process.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  signal(SIGPIPE, SIG_IGN);

  std::unique_ptr<GraphStore> store;
  PARLEY_RETURN_IF_ERROR(OpenStore(args, opt.read_only, &store));

  HttpServer server(store.get(), opt);
  int port = 0;
  Status s = server.Bind(&port);
  if (s.ok()) {
    std::string host = opt.host.find(':') != std::string::npos ? "[" + opt.host + "]" : opt.host;
    std::cerr << "parley: serving " << opt.db_dir << " on http://" << host << ":" << port
              << (opt.read_only ? " (read-only)" : "") << std::endl;
    std::atomic<bool> signalled{false};
    std::thread stopper([&] {
      int sig = 0;
      sigwait(&stop_signals, &sig);
      signalled = true;
      server.Stop();
    });
    s = server.Run();
    // Run() ended by itself (an error): wake the stopper, which waits for a signal.
    if (!signalled) pthread_kill(stopper.native_handle(), SIGTERM);
    stopper.join();
    if (s.ok()) std::cerr << "parley: stopped" << std::endl;
  }
  Status closed = store->Close();
  return s.ok() ? closed : s;
}

}  // namespace parley::cli
