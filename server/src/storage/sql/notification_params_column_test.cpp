#include "storage/sql/notification_params_column.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace minqing::storage {
namespace {

TEST(NotificationParamsColumnTest, WritesTheShapeRowsHaveAlwaysHad) {
    domain::NotificationParams params;
    params.values = {{"date", "2026-12-07"}, {"summary", "催办 1 件"}};
    params.cases = {{7, "JL-1", "路灯不亮", 2}};

    EXPECT_EQ(nlohmann::json::parse(NotificationParamsJson(params)),
              nlohmann::json::parse(R"({"date":"2026-12-07","summary":"催办 1 件","cases":[
                  {"id":7,"number":"JL-1","title":"路灯不亮","overdueWorkingDays":2}]})"));
    EXPECT_EQ(NotificationParamsJson({}), "{}");
}

TEST(NotificationParamsColumnTest, ReadsBackWhatItWrote) {
    domain::NotificationParams params;
    params.values = {{"number", "JL-1"}, {"query_code", "A1B2"}, {"note", ""}};
    params.cases = {{7, "JL-1", "路灯不亮", 2}, {8, "JL-2", "", 0}};

    EXPECT_EQ(NotificationParamsOfJson(NotificationParamsJson(params)), params);
}

TEST(NotificationParamsColumnTest, AnOlderRowsOtherValuesReadAsTheirJsonText) {
    const auto params = NotificationParamsOfJson(
        R"({"number":"JL-1","people":12,"flag":true,"extra":{"a":1},"cases":[{"id":3},"x"]})");

    EXPECT_EQ(params.values.at("number"), "JL-1");
    EXPECT_EQ(params.values.at("people"), "12");
    EXPECT_EQ(params.values.at("flag"), "true");
    EXPECT_EQ(params.values.at("extra"), R"({"a":1})");
    ASSERT_EQ(params.cases.size(), 1u);
    EXPECT_EQ(params.cases[0].id, 3);
    EXPECT_EQ(params.cases[0].number, "");
}

TEST(NotificationParamsColumnTest, ATextThatIsNoObjectReadsAsNoParams) {
    EXPECT_EQ(NotificationParamsOfJson("not json"), domain::NotificationParams{});
    EXPECT_EQ(NotificationParamsOfJson("[1,2]"), domain::NotificationParams{});
}

}  // namespace
}  // namespace minqing::storage
