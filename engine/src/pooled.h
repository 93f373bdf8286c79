// Internal: shared objects every op makes (a tensor's TensorImpl and storage
// block, its graph node) allocated from free lists of fixed-size blocks.
// A scalar op makes and frees three to five of them; malloc and free (dlmalloc
// in WebAssembly, which coalesces neighbours on every free) were about a fifth
// of an op's time in the B1 benchmark, a free-list pop or push is a few loads.
// A list keeps at most kMaxFree blocks (the peak of live objects is handed
// back to malloc beyond that), so memory stays bounded by the peak use.
// The engine is single-threaded (as its live-storage counters), so the lists
// are plain statics. Under AddressSanitizer every block goes to malloc, so a
// use after free is still caught.
#pragma once
#include <cstddef>
#include <memory>
#include <new>
#include <utility>

#if defined(__SANITIZE_ADDRESS__)
#define GL_POOL_DISABLED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define GL_POOL_DISABLED 1
#endif
#endif

namespace gradlab::pooled {

// Blocks of Size bytes (the size of one shared_ptr control block type).
template <size_t Size>
class FreeList {
 public:
  static void* take() {
#ifndef GL_POOL_DISABLED
    if (head_ != nullptr) {
      Block* b = head_;
      head_ = b->next;
      --count_;
      return b;
    }
#endif
    return ::operator new(Size);
  }
  static void give(void* p) {
#ifndef GL_POOL_DISABLED
    if (count_ < kMaxFree) {
      Block* b = static_cast<Block*>(p);
      b->next = head_;
      head_ = b;
      ++count_;
      return;
    }
#endif
    ::operator delete(p);
  }

 private:
  static constexpr size_t kMaxFree = 4096;
  struct Block {
    Block* next;
  };
  static_assert(Size >= sizeof(Block), "a block must hold the link of the free list");
  static inline Block* head_ = nullptr;
  static inline size_t count_ = 0;
};

// The allocator allocate_shared uses for its control block (object inline).
template <typename T>
struct Allocator {
  using value_type = T;
  Allocator() = default;
  template <typename U>
  Allocator(const Allocator<U>&) {}  // NOLINT: rebinding, as std::allocator
  T* allocate(size_t n) {
    if (n == 1 && alignof(T) <= alignof(std::max_align_t)) return static_cast<T*>(FreeList<sizeof(T)>::take());
    return std::allocator<T>().allocate(n);
  }
  void deallocate(T* p, size_t n) {
    if (n == 1 && alignof(T) <= alignof(std::max_align_t)) FreeList<sizeof(T)>::give(p);
    else std::allocator<T>().deallocate(p, n);
  }
  template <typename U>
  bool operator==(const Allocator<U>&) const { return true; }
  template <typename U>
  bool operator!=(const Allocator<U>&) const { return false; }
};

// std::make_shared with the control block from a free list.
template <typename T, typename... Args>
std::shared_ptr<T> make_shared(Args&&... args) {
  return std::allocate_shared<T>(Allocator<T>(), std::forward<Args>(args)...);
}

}  // namespace gradlab::pooled
