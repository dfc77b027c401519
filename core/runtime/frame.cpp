#include "runtime/frame.h"

#include <cstdlib>

#include "objects/codeobject.h"

namespace gp {

int Frame::nlocalsplus() const { return code->co_nlocalsplus; }

FrameStack::~FrameStack() {
    for (void** c : chunks) std::free(c);
}

Frame* FrameStack::push(std::size_t slots) {
    const std::size_t words = (offsetof(Frame, localsplus) + sizeof(void*) - 1) / sizeof(void*) + slots;
    if (words > kChunkWords) return nullptr;   // a single absurd frame
    if (chunks.empty() || top + words > kChunkWords) {
        if (!chunks.empty()) chunk++;
        if (chunk == chunks.size()) {
            void** c = static_cast<void**>(std::malloc(kChunkWords * sizeof(void*)));
            if (!c) { if (!chunks.empty()) chunk--; return nullptr; }
            chunks.push_back(c);
        }
        top = 0;
    }
    void** at = chunks[chunk] + top;
    top += words;
    return reinterpret_cast<Frame*>(at);
}

void FrameStack::pop(Frame* f) {
    void** at = reinterpret_cast<void**>(f);
    // Frames are popped in reverse order of pushing, so f is the last one
    // pushed: either in the current chunk, or first in it after a chunk switch.
    if (!(at >= chunks[chunk] && at < chunks[chunk] + kChunkWords)) chunk--;
    top = std::size_t(at - chunks[chunk]);
}

}  // namespace gp
