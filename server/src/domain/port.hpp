// The base of every port the domain declares (repositories, the blob store, the store): an
// interface reached through a reference, never copied, destroyed through the base.
#pragma once

namespace minqing::domain {

class Port {
  public:
    virtual ~Port() = default;
    Port() = default;
    Port(const Port&) = delete;
    Port& operator=(const Port&) = delete;
};

}  // namespace minqing::domain
