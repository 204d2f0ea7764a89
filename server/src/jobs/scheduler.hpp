// Clock-driven work (deadline sweeps, outbox dispatch) runs here; the first jobs arrive
// with the time-limit rules.
#pragma once
