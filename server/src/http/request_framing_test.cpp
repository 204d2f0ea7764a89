#include "http/request_framing.hpp"

#include <string>

#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <gtest/gtest.h>

namespace minqing::http {
namespace {

namespace bhttp = boost::beast::http;

TEST(ScanHeaderSectionTest, WaitsForTheEmptyLine) {
    EXPECT_EQ(ScanHeaderSection(""), HeaderScan::kIncomplete);
    EXPECT_EQ(ScanHeaderSection("GET / HTTP/1.1\r\nHost: x\r\n"), HeaderScan::kIncomplete);
    EXPECT_EQ(ScanHeaderSection("GET / HTTP/1.1\r\nHost: x\r\n\r\n"), HeaderScan::kComplete);
}

TEST(ScanHeaderSectionTest, FindsAFoldedLineOnlyInsideTheHeader) {
    EXPECT_EQ(ScanHeaderSection("GET / HTTP/1.1\r\nX: a\r\n b\r\n\r\n"), HeaderScan::kFolded);
    EXPECT_EQ(ScanHeaderSection("GET / HTTP/1.1\r\nX: a\r\n\tb\r\n\r\n"), HeaderScan::kFolded);
    // Spaces inside a value, and a body or next request that starts with one, are not folds.
    EXPECT_EQ(ScanHeaderSection("GET / HTTP/1.1\r\nX: a  b\r\n\r\n body"), HeaderScan::kComplete);
    EXPECT_EQ(ScanHeaderSection("GET / HTTP/1.1\r\n\r\n\r\n X: a\r\n b\r\n\r\n"),
              HeaderScan::kComplete);
}

// The header as the server's parser leaves it, with whether it reads the body as chunked.
struct Parsed {
    bhttp::request_header<> header;
    bool chunked = false;
};

Parsed Parse(const std::string& header) {
    bhttp::request_parser<bhttp::string_body> parser;
    boost::system::error_code ec;
    parser.put(boost::asio::buffer(header), ec);
    EXPECT_FALSE(ec) << ec.message() << " for " << header;
    EXPECT_TRUE(parser.is_header_done()) << header;
    return {parser.get().base(), parser.chunked()};
}

std::optional<int> StatusFor(const std::string& fields, const std::string& version = "1.1") {
    const Parsed parsed = Parse("POST /x HTTP/" + version + "\r\nHost: x\r\n" + fields + "\r\n");
    const auto problem = CheckRequestFraming(parsed.header, parsed.chunked);
    return problem ? std::optional(problem->status) : std::nullopt;
}

TEST(CheckRequestFramingTest, AcceptsALengthOrChunkedAlone) {
    EXPECT_EQ(StatusFor(""), std::nullopt);
    EXPECT_EQ(StatusFor("Content-Length: 5\r\n"), std::nullopt);
    EXPECT_EQ(StatusFor("Transfer-Encoding: chunked\r\n"), std::nullopt);
    EXPECT_EQ(StatusFor("Transfer-Encoding: CHUNKED \r\n"), std::nullopt);
    EXPECT_EQ(StatusFor("Transfer-Encoding: ,chunked,\r\n"), std::nullopt);
}

TEST(CheckRequestFramingTest, RefusesWhatCouldBeFramedTwoWays) {
    const std::pair<const char*, int> cases[] = {
        {"Transfer-Encoding: gzip\r\nContent-Length: 5\r\n", 400},
        {"Transfer-Encoding: identity\r\nContent-Length: 5\r\n", 400},
        {"Transfer-Encoding: gzip\r\n", 400},
        {"Transfer-Encoding: \r\n", 400},
        {"Transfer-Encoding: chunked, gzip\r\n", 400},
        {"Transfer-Encoding: chunked, chunked\r\n", 400},
        {"Transfer-Encoding: chunked;q=1\r\n", 400},
        {"Transfer-Encoding: gzip, chunked\r\n", 501},
        {"Transfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n", 501},
    };
    for (const auto& [fields, status] : cases) {
        EXPECT_EQ(StatusFor(fields), status) << fields;
    }
}

TEST(CheckRequestFramingTest, RefusesTransferEncodingInHttp10) {
    EXPECT_EQ(StatusFor("Transfer-Encoding: chunked\r\n", "1.0"), 400);
    EXPECT_EQ(StatusFor("Content-Length: 5\r\n", "1.0"), std::nullopt);
}

}  // namespace
}  // namespace minqing::http
