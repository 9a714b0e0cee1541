// The page's assets (mock/ui/assets/: index.html, app.js, app.css, ...), embedded in the binary at
// build time by embed_assets.cmake: static data, so nothing is read or built at start-up and
// nothing is fetched at run time. Every file of that folder is one asset, named as its file.
//
//   for (const UiAsset& a : UiAssets()) total += a.bytes.size();
#pragma once

#include <span>
#include <string_view>

namespace mock::ui {

struct UiAsset {
  std::string_view name;   // the file's name: "app.js"
  std::string_view bytes;  // its content, byte for byte
};

// Every asset, sorted by name; defined in the generated ui_assets_data.cc.
std::span<const UiAsset> UiAssets();

}  // namespace mock::ui
