// The message templates (通知模板): administrators read and edit the texts of the messages.
#include "api/request_bodies.hpp"
#include "api/routes.hpp"

namespace minqing::api {
namespace {

using domain::permission::kTemplateWrite;

nlohmann::json TemplateJson(const domain::MessageTemplate& message_template) {
    return {{"key", message_template.key},
            {"channel", domain::NotificationChannelName(message_template.channel)},
            {"text", message_template.text}};
}

http::Response EditTemplate(service::MessageTemplateService& templates, http::Request& request,
                            const domain::Principal& caller) {
    auto body = ReadBody(request, &MessageTemplateFields);
    return body ? Respond(request,
                          templates.Edit(caller, request.PathParam("key"),
                                         request.PathParam("channel"), std::move(body->text)),
                          TemplateJson)
                : ErrorFor(request, body.error());
}

http::Response ListTemplates(service::MessageTemplateService& templates, http::Request& request,
                             const domain::Principal& caller) {
    return Respond(request, templates.List(caller), ItemsOf(TemplateJson));
}

}  // namespace

Routes MessageTemplateRoutes(service::MessageTemplateService& templates) {
    return {
        {"GET", "/api/v1/message-templates", Needs(kTemplateWrite),
         With(templates, &ListTemplates)},
        {"PUT", "/api/v1/message-templates/{key}/{channel}", Needs(kTemplateWrite),
         With(templates, &EditTemplate)},
    };
}

}  // namespace minqing::api
