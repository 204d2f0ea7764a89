// GET /api/v1/case-actions/forms: the fields each action's payload takes, from the table the
// server decodes it with, so the web's action dialogs follow the server's rules.
#include "support/api_test.hpp"

namespace minqing::tests {
namespace {

class ActionFormsApiTest : public ApiTest {};

std::vector<std::string> NamesOf(const nlohmann::json& form) {
    std::vector<std::string> names;
    for (const auto& field : form) {
        names.push_back(field.at("name"));
    }
    return names;
}

TEST_F(ActionFormsApiTest, EachActionListsTheFieldsItReadsWithTheirChoices) {
    const HttpResponse response = LogIn("city-office").Get("/api/v1/case-actions/forms");

    ASSERT_THAT(response, HasStatus(200));
    const auto& forms = response.json.at("forms");
    EXPECT_THAT(NamesOf(forms.at("accept")), ::testing::ElementsAre("version", "note"));
    EXPECT_THAT(NamesOf(forms.at("dispatch")),
                ::testing::ElementsAre("version", "targetId", "assistingIds", "note", "method"));
    EXPECT_FALSE(forms.contains("attach"));
    for (const auto& field : forms.at("answer")) {
        if (field.at("name") == "result") {
            EXPECT_EQ(field.at("type"), "choice");
            EXPECT_THAT(field.at("choices"), ::testing::Contains("cannot_be_done"));
        }
    }
}

const nlohmann::json& FieldOf(const nlohmann::json& form, const std::string& name) {
    for (const auto& field : form) {
        if (field.at("name") == name) {
            return field;
        }
    }
    throw std::out_of_range(name);
}

// The dialogs check what the workflow would refuse before the office sends it.
TEST_F(ActionFormsApiTest, EachFieldSaysWhetherTheActionNeedsItAndItsLimits) {
    const auto forms = LogIn("city-office").Get("/api/v1/case-actions/forms").json.at("forms");

    EXPECT_EQ(FieldOf(forms.at("decline"), "reason").at("required"), true);
    EXPECT_EQ(FieldOf(forms.at("decline"), "legalBasis").at("required"), true);
    EXPECT_EQ(FieldOf(forms.at("decline"), "note").at("required"), false);
    EXPECT_EQ(FieldOf(forms.at("answer"), "legalBasis").at("required"), false);
    const auto& days = FieldOf(forms.at("request_extension"), "extensionDays");
    EXPECT_EQ(days.at("required"), true);
    EXPECT_EQ(days.at("min"), 1);
    EXPECT_EQ(days.at("max"), 10);
    EXPECT_EQ(FieldOf(forms.at("commit_long_term"), "committedDate").at("max"), 270);
    EXPECT_EQ(FieldOf(forms.at("contact_reporter"), "relayMessage").at("maxLength"), 200);
}

TEST_F(ActionFormsApiTest, AFieldOutsideTheFormIsRefused) {
    Session city = LogIn("city-office");
    const auto forms = city.Get("/api/v1/case-actions/forms").json.at("forms");
    const auto accept = NamesOf(forms.at("accept"));

    EXPECT_THAT(accept, ::testing::Not(::testing::Contains("targetId")));
    EXPECT_THAT(Anonymous().Get("/api/v1/case-actions/forms"), IsError(401, "auth.required"));
}

}  // namespace
}  // namespace minqing::tests
