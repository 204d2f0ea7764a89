// The message templates (通知模板): administrators read and edit the texts of the messages.
#include "api/json_fields.hpp"
#include "api/routes.hpp"

namespace minqing::api {
namespace {

using domain::permission::kTemplateWrite;

nlohmann::json TemplateJson(const domain::MessageTemplate& message_template) {
    return {{"key", message_template.key},
            {"channel", domain::NotificationChannelName(message_template.channel)},
            {"text", message_template.text}};
}

http::Response EditTemplate(const MessageTemplateServices& context, http::Request& request,
                            const domain::Principal& caller) {
    auto body = BodyObject(request);
    if (!body) {
        return ErrorFor(request, body.error());
    }
    JsonFields fields(*body);
    auto text = fields.String("text", true);
    fields.RejectUnknown({"text"});
    if (!fields.ok()) {
        return ErrorFor(request, fields.error());
    }
    return Respond(request,
                   context.templates.Edit(caller, request.PathParam("key"),
                                          request.PathParam("channel"), std::move(*text)),
                   TemplateJson);
}

}  // namespace

Routes MessageTemplateRoutes(const MessageTemplateServices& context) {
    return {
        {"GET", "/api/v1/message-templates", Needs(kTemplateWrite),
         [context](http::Request& request, const domain::Principal& caller) {
             return Respond(request, context.templates.List(caller),
                            [](const std::vector<domain::MessageTemplate>& templates) {
                                nlohmann::json items = nlohmann::json::array();
                                for (const auto& message_template : templates) {
                                    items.push_back(TemplateJson(message_template));
                                }
                                return nlohmann::json{{"items", items}};
                            });
         }},
        {"PUT", "/api/v1/message-templates/{key}/{channel}", Needs(kTemplateWrite),
         [context](http::Request& request, const domain::Principal& caller) {
             return EditTemplate(context, request, caller);
         }},
    };
}

}  // namespace minqing::api
