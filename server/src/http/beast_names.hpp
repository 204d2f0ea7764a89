// The short names the transport's Boost.Asio and Beast code uses, so each file does not
// declare them again. Include from http/*.cpp only.
#pragma once

#include <boost/asio/ip/tcp.hpp>

namespace boost::beast::http {}

namespace minqing::http {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

}  // namespace minqing::http
