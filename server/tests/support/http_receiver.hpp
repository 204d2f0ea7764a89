// A tiny HTTP/1.1 server for tests of outbound deliveries (SMS gateway, webhooks): it listens
// on 127.0.0.1:0, records every request it is sent and answers each with the status a test
// chooses (200 by default; a failing share of requests, or everything while "down"). One
// thread serves one connection at a time, which is all a blocking delivery client needs.
// Thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "support/http_client.hpp"

namespace minqing::tests {

struct ReceivedRequest {
    std::string method;
    std::string target;
    Headers headers;  // names in lower case
    std::string body;

    std::string Header(std::string_view name) const;
};

class HttpReceiver {
  public:
    /// Chooses the status of the n-th request (0-based) received.
    using Answer = std::function<int(std::size_t index, const ReceivedRequest& request)>;

    /// Starts listening; answers 200 until told otherwise.
    HttpReceiver();
    ~HttpReceiver();
    HttpReceiver(const HttpReceiver&) = delete;
    HttpReceiver& operator=(const HttpReceiver&) = delete;

    std::uint16_t port() const;
    /// "http://127.0.0.1:<port><path>".
    std::string Url(std::string_view path = "/") const;
    void SetAnswer(Answer answer);
    /// Every request received so far, in order (answered with any status).
    std::vector<ReceivedRequest> Requests() const;
    /// The requests answered with a 2xx status.
    std::vector<ReceivedRequest> Accepted() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace minqing::tests
