#pragma once
// What a staff tag (售后, VIP, 华东区) is attached to.

namespace gd {

enum class TagTarget : int {
    Room = 0,
    Contact = 1,
};

} // namespace gd
