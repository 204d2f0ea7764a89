#include "service/crypto.hpp"

#include <set>

#include <gtest/gtest.h>

namespace minqing::service {
namespace {

constexpr PasswordCost kCheap{1, 8u * 1024u * 1024u};

TEST(CryptoTest, RandomTokensAreLongAndDistinct) {
    std::set<std::string> seen;
    for (int i = 0; i < 100; ++i) {
        const auto token = RandomToken();
        EXPECT_EQ(token.size(), 43u);  // 32 bytes in unpadded base64url
        EXPECT_EQ(token.find_first_not_of(
                      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
                  std::string::npos);
        seen.insert(token);
    }
    EXPECT_EQ(seen.size(), 100u);
}

TEST(CryptoTest, Sha256MatchesTheStandardVector) {
    EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(CryptoTest, HmacSha256MatchesRfc4231) {
    // RFC 4231 test cases 2 (a short key) and 6 (a key longer than the block).
    EXPECT_EQ(HmacSha256Hex("Jefe", "what do ya want for nothing?"),
              "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    EXPECT_EQ(HmacSha256Hex(std::string(131, '\xaa'),
                            "Test Using Larger Than Block-Size Key - Hash Key First"),
              "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

TEST(CryptoTest, PasswordHashesAreArgon2idAndVerify) {
    const auto hash = HashPassword("minqing-demo", kCheap);
    EXPECT_TRUE(hash.starts_with("$argon2id$"));
    EXPECT_TRUE(VerifyPassword(hash, "minqing-demo"));
    EXPECT_FALSE(VerifyPassword(hash, "minqing-dem0"));
    EXPECT_FALSE(VerifyPassword("not a hash", "minqing-demo"));
    EXPECT_NE(HashPassword("minqing-demo", kCheap), hash) << "each hash has its own salt";
}

TEST(CryptoTest, ConstantTimeEqualsComparesWholeStrings) {
    EXPECT_TRUE(ConstantTimeEquals("token", "token"));
    EXPECT_FALSE(ConstantTimeEquals("token", "tokem"));
    EXPECT_FALSE(ConstantTimeEquals("token", "token2"));
    EXPECT_FALSE(ConstantTimeEquals("", "x"));
}

}  // namespace
}  // namespace minqing::service
