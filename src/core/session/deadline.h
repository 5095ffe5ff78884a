// A time budget for work spread over calls (Workspace's *_within functions): the work looks at
// the clock between slices and stops once the budget is spent.
#pragma once

#include <chrono>

namespace reftier {

class Deadline {
  public:
    static constexpr double kNone = -1; // a budget that never runs out
    explicit Deadline(double budget_ms)
        : unlimited_(budget_ms == kNone),
          end_(Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                  std::chrono::duration<double, std::milli>(budget_ms))) {}
    bool passed() const { return !unlimited_ && Clock::now() >= end_; }

  private:
    using Clock = std::chrono::steady_clock;
    bool unlimited_;
    Clock::time_point end_;
};

} // namespace reftier
