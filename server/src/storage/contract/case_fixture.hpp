// The fixture the contracts of the case ports share: a small org tree, an officer and a
// category to hang cases on, and short ways to write and read cases in units of work of
// their own.
#pragma once

#include <string>
#include <utility>

#include "domain/case.hpp"
#include "storage/contract/store_fixture.hpp"
#include "text/segmenter.hpp"

namespace minqing::storage::contract {

template <typename Backend>
class CaseContract : public StoreContract<Backend> {
  protected:
    // 吉林市 → 船营区 → 德胜街道, and 昌邑区 beside 船营区.
    CaseContract() {
        city_ = this->AddUnit("220200", "吉林市");
        district_ = this->AddUnit("220204", "船营区", city_.id, domain::OrgLevel::kDistrict);
        street_ =
            this->AddUnit("220204001000", "德胜街道", district_.id, domain::OrgLevel::kStreet);
        other_district_ = this->AddUnit("220202", "昌邑区", city_.id, domain::OrgLevel::kDistrict);
        officer_ = this->AddAccount("officer");
        this->Commit([](domain::Repositories& repositories) {
            repositories.Catalog().SaveCategory({"03", "城乡建设", std::nullopt, {}, true});
            repositories.Catalog().SaveCategory({"0301", "物业管理", "03", {}, true});
            repositories.Catalog().SaveCategory({"04", "社会保障", std::nullopt, {}, true});
        });
    }

    /// A registered case held by the street, raised there, with nothing optional set.
    domain::Case NewCase(std::string number, std::string title = "楼道灯不亮") {
        domain::Case c;
        c.number = std::move(number);
        c.category_code = "0301";
        c.title = std::move(title);
        c.content = "德胜街道永前小区3号楼楼道灯坏了一个月";
        c.holder_id = street_.id;
        c.holder_path = street_.path;
        c.origin_id = street_.id;
        c.origin_path = street_.path;
        c.receiving_office_id = city_.id;
        c.created_by = officer_.id;
        c.created_at = kNow;
        c.updated_at = kNow;
        return c;
    }

    /// Inserts `c` with its title and content as search tokens, with a stake at its holder.
    domain::Case Insert(const domain::Case& c) {
        domain::Case inserted;
        this->Commit([&](domain::Repositories& repositories) {
            inserted =
                repositories.Cases().Insert(c, text::IndexTokens(c.title + "\n" + c.content));
            repositories.Cases().AddAccess(inserted.id, {c.holder_path});
        });
        return inserted;
    }

    /// Runs `work` on the case repository of a read snapshot.
    template <typename Work>
    auto Cases(Work&& work) {
        return this->template ReadFrom<&domain::Repositories::Cases>(work);
    }

    domain::OrgUnit city_, district_, street_, other_district_;
    domain::User officer_;
};

}  // namespace minqing::storage::contract
