#include "domain/content_type.hpp"

#include <gtest/gtest.h>

namespace minqing::domain {
namespace {

using namespace std::string_literals;

TEST(ContentTypeTest, RecognisesAcceptedKindsByTheirBytes) {
    const std::pair<std::string, std::optional<std::string>> cases[] = {
        {"\xFF\xD8\xFF\xE0\x00\x10JFIF"s, "image/jpeg"},
        {"\x89PNG\r\n\x1A\n\x00\x00"s, "image/png"},
        {"GIF89a\x01\x00"s, "image/gif"},
        {"RIFF\x10\x00\x00\x00WEBPVP8 "s, "image/webp"},
        {"%PDF-1.7\n"s, "application/pdf"},
        {"PK\x03\x04\x14\x00\x06\x00[Content_Types].xml word/document.xml"s,
         "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
        {"PK\x03\x04\x14\x00xl/workbook.xml"s,
         "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
        {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00"s, "application/x-ole-storage"},
    };
    for (const auto& [bytes, expected] : cases) {
        EXPECT_EQ(SniffContentType(bytes), expected) << *expected;
    }
}

TEST(ContentTypeTest, RefusesEverythingElseWhateverItIsCalled) {
    for (const auto& bytes : {"MZ\x90\x00 (a Windows program)"s, "#!/bin/sh\nrm -rf /\n"s,
                              "<html><script>alert(1)</script>"s, "PK\x03\x04 plain.zip"s, ""s}) {
        EXPECT_FALSE(SniffContentType(bytes)) << bytes;
    }
}

TEST(ContentTypeTest, RefusesTruncatedRiffWithoutReadingPastTheEnd) {
    // An upload of just "RIFF" was answered 500: the check for WEBP read beyond its end.
    for (const auto& bytes : {"RIFF"s, "RIFF\x10\x00\x00"s, "RIFF\x10\x00\x00\x00"s,
                              "RIFF\x10\x00\x00\x00WEB"s, "RIFF\x10\x00\x00\x00AVI "s}) {
        EXPECT_EQ(SniffContentType(bytes), std::nullopt) << bytes.size() << " bytes";
    }
}

}  // namespace
}  // namespace minqing::domain
