;; C = L · R on float64 with 128-bit SIMD (two numbers per lane pair), the
;; source of productWasm.ts (`npm run wasm:kernel` assembles it).
;;
;; C is summed in blocks of two rows × eight columns, held in eight f64x2
;; accumulators: each term loads one row of eight numbers of R (four f64x2)
;; and two numbers of L (each splatted to both lanes), then sixteen products.
;; Every C(i, j) starts from +0 and adds L(i, t) · R(t, j) for t = 0, 1, …
;; in order, a separate f64x2.mul then f64x2.add (no fused multiply-add, which
;; rounds once instead of twice): each lane is the plain triple loop's sum,
;; to the last bit, with 0, ±∞ and NaN.
;;
;; All addresses and strides are in bytes, set up by wasmKernel.ts:
;;   L(i, t) at a + i·rowStep + t·termStep (A, Aᵀ or G read in place);
;;   R: terms × width, row-major at b; width a multiple of 8 (padding columns
;;      are summed too, their sums thrown away);
;;   C: rows rounded up to even × width, row-major at c. For odd rows the last
;;      block's second row repeats row rows−1 into the padding row.
(module
  (memory (export "memory") 1)
  (func (export "product")
    (param $a i32) (param $rowStep i32) (param $termStep i32)
    (param $b i32) (param $c i32)
    (param $rows i32) (param $terms i32) (param $width i32)
    (local $i i32) (local $j i32) (local $ld i32) (local $p0 i32) (local $p1 i32)
    (local $q0 i32) (local $q1 i32) (local $pb i32) (local $pend i32) (local $co i32)
    (local $x v128) (local $b0 v128) (local $b1 v128) (local $b2 v128) (local $b3 v128)
    (local $c00 v128) (local $c01 v128) (local $c02 v128) (local $c03 v128)
    (local $c10 v128) (local $c11 v128) (local $c12 v128) (local $c13 v128)
    ;; ld: bytes per row of R and of C
    local.get $width i32.const 3 i32.shl local.set $ld
    block $done
      local.get $rows i32.eqz br_if $done
      local.get $ld i32.eqz br_if $done
      loop $rowPair
        ;; p0, p1: L(i, 0) and L(min(i + 1, rows − 1), 0)
        local.get $a local.get $i local.get $rowStep i32.mul i32.add local.tee $p0
        local.get $rowStep i32.add
        local.get $p0
        local.get $i i32.const 1 i32.add local.get $rows i32.lt_u
        select local.set $p1
        i32.const 0 local.set $j
        loop $columnBlock
          local.get $b local.get $j i32.add local.tee $pb
          local.get $terms local.get $ld i32.mul i32.add local.set $pend
          v128.const f64x2 0 0 local.tee $c00 local.tee $c01 local.tee $c02 local.tee $c03
          local.tee $c10 local.tee $c11 local.tee $c12 local.set $c13
          local.get $pb local.get $pend i32.lt_u
          if
            ;; q0, q1 walk L's two rows term by term
            local.get $p0 local.set $q0
            local.get $p1 local.set $q1
            loop $term
              local.get $pb v128.load offset=0 local.set $b0
              local.get $pb v128.load offset=16 local.set $b1
              local.get $pb v128.load offset=32 local.set $b2
              local.get $pb v128.load offset=48 local.set $b3
              local.get $q0 v128.load64_splat local.set $x
              local.get $c00 local.get $x local.get $b0 f64x2.mul f64x2.add local.set $c00
              local.get $c01 local.get $x local.get $b1 f64x2.mul f64x2.add local.set $c01
              local.get $c02 local.get $x local.get $b2 f64x2.mul f64x2.add local.set $c02
              local.get $c03 local.get $x local.get $b3 f64x2.mul f64x2.add local.set $c03
              local.get $q1 v128.load64_splat local.set $x
              local.get $c10 local.get $x local.get $b0 f64x2.mul f64x2.add local.set $c10
              local.get $c11 local.get $x local.get $b1 f64x2.mul f64x2.add local.set $c11
              local.get $c12 local.get $x local.get $b2 f64x2.mul f64x2.add local.set $c12
              local.get $c13 local.get $x local.get $b3 f64x2.mul f64x2.add local.set $c13
              local.get $q0 local.get $termStep i32.add local.set $q0
              local.get $q1 local.get $termStep i32.add local.set $q1
              local.get $pb local.get $ld i32.add local.tee $pb
              local.get $pend i32.lt_u br_if $term
            end
          end
          ;; co: C(i, j), j = byte offset of the block's first column
          local.get $c local.get $i local.get $ld i32.mul i32.add local.get $j i32.add local.tee $co
          local.get $c00 v128.store offset=0
          local.get $co local.get $c01 v128.store offset=16
          local.get $co local.get $c02 v128.store offset=32
          local.get $co local.get $c03 v128.store offset=48
          local.get $co local.get $ld i32.add local.tee $co
          local.get $c10 v128.store offset=0
          local.get $co local.get $c11 v128.store offset=16
          local.get $co local.get $c12 v128.store offset=32
          local.get $co local.get $c13 v128.store offset=48
          local.get $j i32.const 64 i32.add local.tee $j
          local.get $ld i32.lt_u br_if $columnBlock
        end
        local.get $i i32.const 2 i32.add local.tee $i
        local.get $rows i32.lt_u br_if $rowPair
      end
    end))
